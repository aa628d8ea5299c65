import type { RuleInput } from '../../core/rules/index';
import type { DatastreamStats } from './real-load';

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * `count` rules of every kind over the load's datastreams, the way a station's users write
 * them: thresholds, window aggregates, rates of change, missing data, and compounds across
 * the two stations, with noise control. Thresholds come from each datastream's percentiles
 * so that alerts fire now and then, as in a real year, and their effects are part of the cost.
 */
export function benchRules(stats: readonly DatastreamStats[], count: number): RuleInput[] {
  const rules: RuleInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const a = stats[i % stats.length]!;
    const b = stats[(i * 7 + 3) % stats.length]!;
    const spread = Math.max(a.p90 - a.p10, 0.01);
    const base = {
      id: `bench-${String(i).padStart(3, '0')}`,
      name: `Bench rule ${i} on ${a.key}`,
      owner: 'bench',
      severity: (['info', 'warning', 'critical'] as const)[i % 3],
      noise: {
        minDuration: i % 2 === 0 ? '0s' : '20m',
        cooldown: i % 4 === 0 ? '3h' : '1h',
        flap: { window: '6h', maxTransitions: 4 },
      },
    };
    const kind = i % 5;
    if (kind === 0) {
      rules.push({
        ...base,
        scope: { x: a.key },
        condition: {
          kind: 'threshold',
          of: 'x',
          compare: { op: 'above', value: round(a.p99), recovery: round(a.p90) },
        },
      });
    } else if (kind === 1) {
      rules.push({
        ...base,
        scope: { x: a.key },
        condition: {
          kind: 'windowAggregate',
          input: 'x',
          aggregate: 'mean',
          window: '1h',
          compare: { op: 'outside', min: round(a.p01), max: round(a.p99) },
        },
      });
    } else if (kind === 2) {
      rules.push({
        ...base,
        scope: { x: a.key },
        condition: {
          kind: 'rateOfChange',
          input: 'x',
          direction: i % 2 ? 'rise' : 'drop',
          by: round(spread),
          within: '1h',
        },
      });
    } else if (kind === 3) {
      rules.push({
        ...base,
        scope: { x: a.key },
        condition: { kind: 'missingData', input: 'x', cadence: '10m', after: '2h' },
      });
    } else {
      rules.push({
        ...base,
        scope: { x: a.key, y: b.key },
        condition: {
          kind: 'all',
          conditions: [
            { kind: 'threshold', of: 'x', compare: { op: 'above', value: round(a.p90) } },
            {
              kind: 'expression',
              expression: `y < ${round(b.p10)} or abs(x - ${round(a.p50)}) > ${round(2 * spread)}`,
            },
          ],
        },
      });
    }
  }
  return rules;
}

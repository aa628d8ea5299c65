import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { southFoehnRuleInput } from './examples/south-foehn';
import { ruleSchema, type RuleInput } from './rule-schema';

const base: RuleInput = {
  id: 'frost',
  name: 'Frost at Ellbögen',
  owner: 'ana',
  scope: { t: 'ellboegen.aws.air_temperature' },
  condition: { kind: 'threshold', of: 't', compare: { op: 'below', value: 0 } },
};

/** Every problem of a rule document as `path: message`. */
function problems(input: unknown): string[] {
  const result = ruleSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('rule schema', () => {
  it('fills the defaults of a minimal rule', () => {
    expect(ruleSchema.parse(base)).toEqual({
      ...base,
      visibility: 'private',
      enabled: true,
      severity: 'warning',
      noise: { minDuration: '0s', cooldown: '0s' },
      lateness: '10m',
      staleAfter: '30m',
      horizon: '1h',
      actions: [],
    });
  });

  it('accepts the south foehn example with every condition kind it uses', () => {
    expect(problems(southFoehnRuleInput)).toEqual([]);
  });

  it('reports expression errors with the field path and the position in the expression', () => {
    const rule = { ...base, condition: { kind: 'expression', expression: 't < 0 and tmp > 1' } };
    expect(problems(rule)).toEqual([
      'condition.expression: unknown input "tmp" at 1:11; inputs: t',
    ]);
    const numeric = {
      ...base,
      condition: { kind: 'threshold', of: 't > 1', compare: { op: 'above', value: 0 } },
    };
    expect(problems(numeric)).toEqual([
      'condition.of: expected a number expression, found a boolean one at 1:3',
    ]);
  });

  it('checks inputs, comparisons, durations and templates everywhere in the rule', () => {
    const rule = {
      ...base,
      scope: { t: 'ellboegen.aws.air_temperature', rh: 'ellboegen.aws.relative_humidity' },
      condition: {
        kind: 'all',
        conditions: [
          { kind: 'rateOfChange', input: 'rh', direction: 'rise', by: 3, within: '45d' },
          { kind: 'threshold', of: 't', compare: { op: 'between', min: 5, max: 1 } },
          { kind: 'missingData', input: 't', cadence: '10m', after: '5m' },
        ],
      },
      noise: {
        minDuration: '10 minutes',
        clear: {
          kind: 'not',
          condition: {
            kind: 'windowAggregate',
            input: 'q',
            aggregate: 'median',
            window: '1h',
            compare: { op: 'above', value: 1 },
          },
        },
      },
      actions: [
        { queue: 'jobs.xod', type: 'notify', params: {} },
        { queue: 'jobs.sod', type: 'notify', params: { text: '{{values.t}} {{trigger.nope}}' } },
      ],
    };
    expect(problems(rule)).toEqual([
      'condition.conditions.0.within: a window may be at most 31d',
      'condition.conditions.1.compare.max: min must not exceed max',
      'condition.conditions.2.after: after must be at least one cadence, or every late value would count as missing',
      'noise.minDuration: a duration is a number and a unit: 30s, 10m, 1h or 2d',
      'noise.clear.condition.aggregate: Invalid option: expected one of "mean"|"min"|"max"|"stddev"|"count"|"sum"',
      'actions.0.queue: Invalid option: expected one of "jobs.cod"|"jobs.sod"|"jobs.ood"',
    ]);
    // Checks of the whole rule run once its structure is right.
    const structurallyValid = {
      ...base,
      scope: {
        t: 'ellboegen.aws.air_temperature',
        t2: 'ellboegen.aws.air_temperature',
        not: 'a.b.c',
      },
      condition: { kind: 'rateOfChange', input: 'rh', direction: 'rise', by: 3, within: '1h' },
      actions: [
        { queue: 'jobs.sod', type: 'notify', params: { text: ['{{values.t}} {{trigger.nope}}'] } },
      ],
    };
    expect(problems(structurallyValid)).toEqual([
      'scope.t2: ellboegen.aws.air_temperature is already input t',
      'scope.not: and, or, not, true and false cannot name an input',
      'condition.input: unknown input "rh"; inputs: t, t2, not',
      'actions.0.params.text.0: unknown placeholder {{trigger.nope}}; see TEMPLATE_FIELDS',
    ]);
  });

  it('bounds the nesting of compound conditions', () => {
    let condition: unknown = base.condition;
    for (let i = 0; i < 9; i++) condition = { kind: 'not', condition };
    expect(problems({ ...base, condition })).toEqual([
      `condition${'.condition'.repeat(8)}: conditions nest deeper than 8 levels`,
    ]);
  });

  it('infers types usable in code (a compile-time check, mostly)', () => {
    type Kind = z.infer<typeof ruleSchema>['condition']['kind'];
    const kinds: Kind[] = [
      'threshold',
      'rateOfChange',
      'windowAggregate',
      'missingData',
      'expression',
      'all',
      'any',
      'not',
    ];
    expect(kinds).toHaveLength(8);
  });
});

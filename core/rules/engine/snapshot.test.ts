import { describe, expect, it } from 'vitest';
import type { Observation } from '../../domain/observation';
import { DATASTREAMS, every10Minutes, testRule } from './test-support';
import type { EngineOutput } from './events';
import { createRuleEngine, type RuleEngine } from './rule-engine';

// The analyzer checkpoints each rule's state with its consumer offsets and resumes from
// there after a restart. Resuming must change nothing: same events, same jobs, same ids.

const rule = testRule({
  condition: {
    kind: 'all',
    conditions: [
      {
        kind: 'windowAggregate',
        input: 'x',
        aggregate: 'mean',
        window: '30m',
        compare: { op: 'above', value: 4 },
      },
      { kind: 'rateOfChange', input: 'y', direction: 'drop', by: 2, within: '1h' },
    ],
  },
  noise: {
    minDuration: '20m',
    cooldown: '30m',
    flap: { window: '2h', maxTransitions: 3 },
    clear: { kind: 'threshold', of: 'x', compare: { op: 'below', value: 2 } },
  },
  actions: [
    {
      queue: 'jobs.cod',
      type: 'backward-dispersion',
      params: { releaseTime: '{{trigger.start}}' },
    },
  ],
});

const wave = (n: number, period: number, phase: number) =>
  Array.from({ length: n }, (_, i) =>
    i % 17 === 5 ? null : 4 + 4 * Math.sin((2 * Math.PI * (i + phase)) / period),
  );
const stream: Observation[] = [
  ...every10Minutes(DATASTREAMS.x, wave(600, 23, 0)),
  ...every10Minutes(DATASTREAMS.y, wave(600, 31, 7)),
].sort((a, b) => a.timeMs - b.timeMs || a.datastream.localeCompare(b.datastream));

function feed(engine: RuleEngine, observations: readonly Observation[], outputs: EngineOutput[]) {
  for (const observation of observations)
    outputs.push(engine.ingest(observation, observation.timeMs));
}
const flat = (outputs: readonly EngineOutput[]) => ({
  events: outputs.flatMap((output) => output.events),
  jobs: outputs.flatMap((output) => output.jobs),
});

describe('checkpoint and resume', () => {
  const uninterrupted: EngineOutput[] = [];
  feed(createRuleEngine(rule), stream, uninterrupted);
  const expected = flat(uninterrupted);

  it('the stream makes enough happen to be a test', () => {
    expect(expected.events.filter((e) => e.type === 'firing').length).toBeGreaterThan(5);
    expect(expected.jobs.length).toBeGreaterThan(5);
  });

  it.each([1, 37, 250, 611, 900, 1111])(
    'resuming from a JSON checkpoint after %i observations changes nothing',
    (cut) => {
      const outputs: EngineOutput[] = [];
      const first = createRuleEngine(rule);
      feed(first, stream.slice(0, cut), outputs);
      const checkpoint = JSON.parse(JSON.stringify(first.snapshot())) as unknown;
      const resumed = createRuleEngine(rule, {
        snapshot: checkpoint as ReturnType<RuleEngine['snapshot']>,
      });
      expect(resumed.snapshot()).toEqual(first.snapshot());
      feed(resumed, stream.slice(cut), outputs);
      expect(flat(outputs)).toEqual(expected);
    },
  );

  it('a rule started on old data keeps its start across a checkpoint', () => {
    // Started with evaluateFromMs (a new rule warmed up on stored data): what comes before
    // only fills windows, after a restart from its checkpoint as much as before it.
    const fromMs = stream[700]!.timeMs;
    const later = flat(
      ((outputs: EngineOutput[]) => {
        feed(createRuleEngine(rule, { evaluateFromMs: fromMs }), stream, outputs);
        return outputs;
      })([]),
    );
    expect(later.events.length).toBeGreaterThan(0);
    expect(later.events.every((e) => e.atMs >= fromMs)).toBe(true);
    const outputs: EngineOutput[] = [];
    const first = createRuleEngine(rule, { evaluateFromMs: fromMs });
    feed(first, stream.slice(0, 300), outputs);
    const checkpoint = JSON.parse(JSON.stringify(first.snapshot())) as ReturnType<
      RuleEngine['snapshot']
    >;
    expect(checkpoint.evaluateFromMs).toBe(fromMs);
    feed(createRuleEngine(rule, { snapshot: checkpoint }), stream.slice(300), outputs);
    expect(flat(outputs)).toEqual(later);
  });

  it('evaluating the same data again yields the same ids', () => {
    const again: EngineOutput[] = [];
    feed(createRuleEngine(rule), stream, again);
    expect(flat(again).events.map((e) => e.id)).toEqual(expected.events.map((e) => e.id));
    expect(flat(again).jobs.map((j) => j.id)).toEqual(expected.jobs.map((j) => j.id));
  });

  it('refuses a checkpoint of another rule version, or a damaged one', () => {
    const engine = createRuleEngine(rule);
    feed(engine, stream.slice(0, 100), []);
    const snapshot = engine.snapshot();
    const edited = testRule({ ...rule, noise: { ...rule.noise, minDuration: '30m' } });
    expect(() => createRuleEngine(edited, { snapshot })).toThrow(
      /another version of rule test-rule/,
    );
    const damaged = { ...snapshot, instants: { t: ['x'] } } as unknown as typeof snapshot;
    expect(() => createRuleEngine(rule, { snapshot: damaged })).toThrow();
  });
});

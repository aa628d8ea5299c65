import { describe, expect, it } from 'vitest';
import { createRuleEngine } from './rule-engine';
import { MINUTE, T0, testRule, timeline } from './test-support';

// How an engine lines up several datastreams on measurement time (see engine-api.ts); the
// property that interleaving never matters is in alignment.property.test.ts.

describe('alignment on measurement time', () => {
  it('evaluates an instant with each input as of that time, waiting for a lagging input', () => {
    const sum = testRule({ condition: { kind: 'expression', expression: 'x + y > 10' } });
    const engine = createRuleEngine(sum);
    const at = (minutes: number) => T0 + minutes * MINUTE;
    // x runs ahead (all arriving at once): nothing can be evaluated before y has caught up.
    for (const m of [0, 10, 20]) expect(engine.ingestInput(0, at(m), 6, at(20)).events).toEqual([]);
    expect(engine.counters().waiting).toBe(3);
    expect(timeline(engine.ingestInput(1, at(0), 1, at(20)).events)).toEqual([]);
    expect(timeline(engine.ingestInput(1, at(20), 5, at(20)).events)).toEqual([
      'pending@20',
      'firing@20',
    ]);
    // At 10, y's newest value was the one of 0 (6 + 1 is not above 10).
    expect(engine.counters()).toMatchObject({ evaluated: 3, waiting: 0 });
  });

  it('stops waiting for an input silent longer than the lateness; its older data is then late', () => {
    const sum = testRule({
      condition: { kind: 'expression', expression: 'x > 5' },
      lateness: '15m',
    });
    const engine = createRuleEngine(sum);
    const at = (minutes: number) => T0 + minutes * MINUTE;
    engine.ingestInput(0, at(0), 6, at(0));
    expect(engine.advance(at(14)).events).toEqual([]);
    expect(timeline(engine.advance(at(15)).events)).toEqual(['pending@0', 'firing@0']);
    engine.ingestInput(1, at(0), 1, at(16));
    expect(engine.counters()).toMatchObject({ late: 1, evaluated: 1 });
  });

  it('drops repeated observations of a datastream (same or older measurement time)', () => {
    const engine = createRuleEngine(
      testRule({ condition: { kind: 'expression', expression: 'x > 5' } }),
    );
    engine.ingestInput(0, T0, 1, T0);
    engine.ingestInput(0, T0, 9, T0);
    engine.ingest({ datastream: 'st.aws.z', timeMs: T0, value: 1, quality: null }, T0);
    expect(engine.counters()).toMatchObject({ observations: 1, duplicates: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  applyAlertEvent,
  shelve,
  shouldNotify,
  type AlertRecord,
} from './alert-lifecycle';
import type { AlertEvent } from './events';
import { HOUR, run, T0, testRule } from './test-support';

const rule = testRule({
  condition: { kind: 'threshold', of: 'x', compare: { op: 'above', value: 10 } },
  noise: { minDuration: '10m' },
});
const { events } = run(rule, { x: [11, 11, 11, 5] });

function fold(list: readonly AlertEvent[]): AlertRecord | undefined {
  return list.reduce<AlertRecord | undefined>(
    (record, event) => applyAlertEvent(record, event),
    undefined,
  );
}

describe('alert records', () => {
  it('fold the engine events of one alert: pending → firing → resolved', () => {
    expect(events.map((e) => e.type)).toEqual(['pending', 'firing', 'resolved']);
    expect(fold(events.slice(0, 1))).toMatchObject({ status: 'pending', firingMs: null });
    expect(fold(events)).toEqual({
      id: 'test-rule@2017-03-01T00:00:00.000Z',
      ruleId: 'test-rule',
      severity: 'warning',
      status: 'resolved',
      startMs: T0,
      firingMs: T0 + HOUR / 6,
      resolvedMs: T0 + HOUR / 2,
      flapping: false,
      backfill: false,
      acknowledged: null,
      shelvedUntilMs: null,
    });
  });

  it('ignore events of other alerts', () => {
    const record = fold(events.slice(0, 2));
    const other = { ...events[2]!, alertId: 'test-rule@2017-03-02T00:00:00.000Z' };
    expect(applyAlertEvent(record, other)).toBe(record);
  });

  it('keep acknowledgement and shelving, which only change who is told', () => {
    const firing = fold(events.slice(0, 2))!;
    const resolved = events[2]!;
    expect(shouldNotify(resolved, firing, T0)).toBe(true);
    expect(shouldNotify(events[0]!, firing, T0)).toBe(false);

    const acknowledged = acknowledge(firing, { by: 'operator', atMs: T0, comment: 'on it' });
    expect(acknowledged.acknowledged?.comment).toBe('on it');
    expect(shouldNotify(events[1]!, acknowledged, T0)).toBe(false);
    expect(shouldNotify(resolved, acknowledged, T0)).toBe(true);

    const shelved = shelve(firing, T0 + HOUR);
    expect(shouldNotify(resolved, shelved, T0 + HOUR - 1)).toBe(false);
    expect(shouldNotify(resolved, shelved, T0 + HOUR)).toBe(true);
    expect(applyAlertEvent(shelved, resolved)).toMatchObject({
      status: 'resolved',
      shelvedUntilMs: T0 + HOUR,
    });
  });
});

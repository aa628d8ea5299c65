import { describe, expect, it } from 'vitest';
import type { Alert } from '../../api/controlRoom';
import { formatValues, isOpen, isShelved } from './alertFormat';
import { withAlert } from './alertsStore';

const alert: Alert = {
  id: 'a1',
  ruleId: 'hot',
  severity: 'warning',
  status: 'firing',
  startMs: 0,
  firingMs: 0,
  resolvedMs: null,
  flapping: false,
  backfill: false,
  acknowledged: null,
  shelvedUntilMs: 5_000,
  values: { t: 26.456, wind: null },
};

describe('alert display', () => {
  it('reads status, shelf and values', () => {
    expect(isOpen(alert)).toBe(true);
    expect(isOpen({ ...alert, status: 'resolved' })).toBe(false);
    expect(isShelved(alert, 4_999)).toBe(true);
    expect(isShelved(alert, 5_000)).toBe(false);
    expect(formatValues(alert.values)).toBe('t=26.46, wind=—');
    expect(formatValues({})).toBe('—');
  });

  it('replaces an alert with the server answer, in place', () => {
    const other = { ...alert, id: 'a2' };
    const next = withAlert([other, alert], { ...alert, shelvedUntilMs: null });
    expect(next.map((a) => [a.id, a.shelvedUntilMs])).toEqual([
      ['a2', 5_000],
      ['a1', null],
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  latestDueOccurrence,
  nextOccurrence,
  recurrenceSchema,
  WEEKDAYS,
  type Recurrence,
} from './recurrence';
import { wallClockOf } from './zoned-time';

const HOUR = 3_600_000;
const vienna = (at: string): Recurrence => recurrenceSchema.parse({ kind: 'daily', at });
const iso = (ms: number) => new Date(ms).toISOString();

describe('nextOccurrence', () => {
  it('is 06:00 station time: 05:00Z in winter, 04:00Z in summer (Europe/Vienna)', () => {
    const sixAm = vienna('06:00');
    expect(iso(nextOccurrence(sixAm, Date.parse('2026-01-15T12:00:00Z')))).toBe(
      '2026-01-16T05:00:00.000Z',
    );
    expect(iso(nextOccurrence(sixAm, Date.parse('2026-07-15T12:00:00Z')))).toBe(
      '2026-07-16T04:00:00.000Z',
    );
  });

  it('crosses the DST changes of 2026 on the wall clock', () => {
    const sixAm = vienna('06:00');
    // Clocks go forward on 29 March and back on 25 October 2026.
    expect(iso(nextOccurrence(sixAm, Date.parse('2026-03-28T05:00:00Z')))).toBe(
      '2026-03-29T04:00:00.000Z',
    );
    expect(iso(nextOccurrence(sixAm, Date.parse('2026-10-24T04:00:00Z')))).toBe(
      '2026-10-25T05:00:00.000Z',
    );
  });

  it('moves a time that does not exist forward, and takes the first of a doubled one', () => {
    const halfPastTwo = vienna('02:30');
    // 02:30 on 29 March does not happen: the clock shows 03:30 CEST then (01:30Z).
    expect(iso(nextOccurrence(halfPastTwo, Date.parse('2026-03-28T12:00:00Z')))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 02:30 on 25 October happens twice (00:30Z and 01:30Z): once is enough.
    const first = nextOccurrence(halfPastTwo, Date.parse('2026-10-24T12:00:00Z'));
    expect(iso(first)).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(nextOccurrence(halfPastTwo, first))).toBe('2026-10-26T01:30:00.000Z');
  });

  it('fires only on the chosen weekdays', () => {
    const weekly = recurrenceSchema.parse({
      kind: 'weekly',
      days: ['fri', 'mon'],
      at: '18:30',
      timeZone: 'UTC',
    });
    // Wednesday 25 November 2026 → Friday 27th, then Monday 30th.
    const friday = nextOccurrence(weekly, Date.parse('2026-11-25T07:00:00Z'));
    expect(iso(friday)).toBe('2026-11-27T18:30:00.000Z');
    expect(iso(nextOccurrence(weekly, friday))).toBe('2026-11-30T18:30:00.000Z');
  });

  it('refuses bad recurrences with a reason', () => {
    const bad = (value: unknown) => recurrenceSchema.safeParse(value).error?.issues[0]?.message;
    expect(bad({ kind: 'daily', at: '24:00' })).toMatch(/HH:MM/);
    expect(bad({ kind: 'daily', at: '06:00', timeZone: 'Mars/Olympus' })).toMatch(/IANA/);
    expect(bad({ kind: 'weekly', days: [], at: '06:00' })).toMatch(/weekday/);
  });
});

const zones = fc.constantFrom(
  'Europe/Vienna',
  'Europe/Berlin',
  'UTC',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
);
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const recurrences: fc.Arbitrary<Recurrence> = fc
  .oneof(
    fc.record({ kind: fc.constant('daily'), at: clock, timeZone: zones }),
    fc.record({
      kind: fc.constant('weekly'),
      days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
      at: clock,
      timeZone: zones,
    }),
  )
  .map((r) => recurrenceSchema.parse(r));
// 2000–2040, to the second: every DST rule change of these zones in that span included.
const instants = fc.integer({ min: 946_684_800, max: 2_208_988_800 }).map((s) => s * 1000);

describe('nextOccurrence, properties', () => {
  it('is after the instant, within a week, and on the wall clock asked for (or the gap)', () => {
    fc.assert(
      fc.property(recurrences, instants, (recurrence, after) => {
        const next = nextOccurrence(recurrence, after);
        expect(next).toBeGreaterThan(after);
        expect(next - after).toBeLessThanOrEqual(7 * 24 * HOUR + 2 * HOUR);
        const wall = wallClockOf(recurrence.timeZone, next);
        const shown = wall.hour * 60 + wall.minute;
        const [h = 0, m = 0] = recurrence.at.split(':').map(Number);
        // Equal, or moved forward over a spring gap (at most 1 h in these zones).
        expect(shown - (h * 60 + m)).toBeGreaterThanOrEqual(0);
        expect(shown - (h * 60 + m)).toBeLessThanOrEqual(60);
      }),
      { numRuns: 400 },
    );
  });

  it('skips nothing: the next of any instant before the next is the same next', () => {
    fc.assert(
      fc.property(
        recurrences,
        instants,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (recurrence, after, f) => {
          const next = nextOccurrence(recurrence, after);
          const between = after + Math.floor((next - 1 - after) * f);
          expect(nextOccurrence(recurrence, between)).toBe(next);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('daily occurrences are 23, 24 or 25 hours apart through DST changes', () => {
    fc.assert(
      fc.property(
        clock,
        fc.constantFrom('Europe/Vienna', 'Europe/Berlin'),
        instants,
        (at, zone, after) => {
          const recurrence = recurrenceSchema.parse({ kind: 'daily', at, timeZone: zone });
          const first = nextOccurrence(recurrence, after);
          const gap = nextOccurrence(recurrence, first) - first;
          expect([23 * HOUR, 24 * HOUR, 25 * HOUR]).toContain(gap);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('latestDueOccurrence', () => {
  const sixAm = vienna('06:00');

  it('catches up with the last missed occurrence only', () => {
    const since = Date.parse('2026-01-10T05:00:00Z');
    const now = Date.parse('2026-01-14T09:00:00Z');
    expect(iso(latestDueOccurrence(sixAm, since, now) ?? 0)).toBe('2026-01-14T05:00:00.000Z');
  });

  it('is null when nothing has been due since', () => {
    const since = Date.parse('2026-01-14T05:00:00Z');
    expect(latestDueOccurrence(sixAm, since, Date.parse('2026-01-15T04:59:59Z'))).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cancelForbidden,
  conflictOf,
  decideBooking,
  MAX_SLOT_MS,
  MIN_SLOT_MS,
  MINUTE_MS,
  overlaps,
  slotProblem,
  type Slot,
} from './slots';

const NOW = Date.parse('2026-11-25T06:00:00Z');
const HOUR = 60 * MINUTE_MS;
const request = (startMin: number, lengthMin: number, instrument = 'zugspitze.airglow') => ({
  instrument,
  startMs: NOW + startMin * MINUTE_MS,
  endMs: NOW + (startMin + lengthMin) * MINUTE_MS,
});

describe('booking decisions', () => {
  it('never confirms two overlapping slots of one instrument, whatever the order of requests', () => {
    const arbitraryRequest = fc.record({
      instrument: fc.constantFrom('zugspitze.airglow', 'zugspitze.lidar'),
      startMin: fc.integer({ min: -5, max: 3 * 24 * 60 }),
      lengthMin: fc.integer({ min: 1, max: 26 * 60 }),
      cancelLater: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryRequest, { maxLength: 40 }), (requests) => {
        const calendar: Slot[] = [];
        requests.forEach((r, index) => {
          const slot = request(r.startMin, r.lengthMin, r.instrument);
          const decision = decideBooking(slot, calendar, NOW);
          const conflict = conflictOf(slot, calendar);
          if (decision.accepted) {
            expect(conflict).toBeUndefined();
            expect(slotProblem(slot, NOW)).toBeUndefined();
            calendar.push({ ...slot, id: `b${index}`, user: 'u', state: 'confirmed' });
          } else if (conflict !== undefined && slotProblem(slot, NOW) === undefined) {
            expect(decision.reason).toContain(conflict.id);
          }
          // Cancelling frees the time again; the invariant holds for what still holds time.
          const last = calendar.at(-1);
          if (r.cancelLater && last !== undefined) last.state = 'cancelled';
        });
        const held = calendar.filter((s) => s.state === 'confirmed');
        for (const a of held) {
          for (const b of held) {
            if (a !== b && a.instrument === b.instrument) expect(overlaps(a, b)).toBe(false);
          }
        }
      }),
    );
  });

  it('lets one slot end exactly when the next begins (half-open slots)', () => {
    const first = { ...request(60, 60), id: 'b1', user: 'ana', state: 'confirmed' };
    expect(decideBooking(request(120, 60), [first], NOW)).toEqual({ accepted: true });
    expect(decideBooking(request(0, 60), [first], NOW)).toEqual({ accepted: true });
  });

  it('names who holds the slot in the way and when', () => {
    const held = { ...request(60, 120), id: 'bk-1', user: 'ana', state: 'confirmed' };
    const decision = decideBooking(request(90, 60), [held], NOW);
    expect(decision).toEqual({
      accepted: false,
      reason:
        'overlaps booking bk-1 of ana on zugspitze.airglow from 2026-11-25 07:00 UTC to 2026-11-25 09:00 UTC',
    });
  });

  it('ignores other instruments and cancelled slots', () => {
    const other = {
      ...request(60, 60, 'zugspitze.lidar'),
      id: 'b1',
      user: 'a',
      state: 'confirmed',
    };
    const cancelled = { ...request(60, 60), id: 'b2', user: 'a', state: 'cancelled' };
    expect(decideBooking(request(60, 60), [other, cancelled], NOW)).toEqual({ accepted: true });
  });

  it('bounds the slot length and refuses the past', () => {
    expect(slotProblem(request(10, 0), NOW)).toBe('the slot must end after it starts');
    expect(slotProblem(request(10, MIN_SLOT_MS / MINUTE_MS - 1), NOW)).toMatch(/at least 10 min/);
    expect(slotProblem(request(10, MAX_SLOT_MS / MINUTE_MS + 1), NOW)).toMatch(/at most 24 h/);
    expect(slotProblem(request(-10, 60), NOW)).toBe('the slot starts in the past');
    expect(slotProblem(request(400 * 24 * 60, 60), NOW)).toMatch(/a year ahead/);
    expect(slotProblem({ instrument: 'x.y', startMs: NaN, endMs: NOW + HOUR }, NOW)).toBeDefined();
  });
});

describe('who may cancel', () => {
  const slot = { user: 'ana' };
  it('lets a scientist cancel only their own, and operators any', () => {
    expect(cancelForbidden(slot, { name: 'ana', role: 'scientist' })).toBeUndefined();
    expect(cancelForbidden(slot, { name: 'ben', role: 'scientist' })).toMatch(/only their own/);
    expect(cancelForbidden(slot, { name: 'ana', role: 'viewer' })).toBeDefined();
    expect(cancelForbidden(slot, { name: 'olga', role: 'operator' })).toBeUndefined();
    expect(cancelForbidden(slot, { name: 'root', role: 'admin' })).toBeUndefined();
  });
});

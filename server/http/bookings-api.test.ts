import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';

const INSTRUMENT = 'sattelberg.imager';
const HOUR = 3_600_000;
/** Whole hours from the next full hour on: always in the future while the test runs. */
const at = (hours: number) =>
  new Date((Math.floor(Date.now() / HOUR) + 2 + hours) * HOUR).toISOString();

describe.each(backends)('bookings API on $name', (backend) => {
  let station: TestStation;
  const call = (method: string, path: string, user: string, body?: unknown) =>
    fetch(`${station.server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Firn-User': user },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const book = (user: string, from: number, to: number, instrument = INSTRUMENT) =>
    call('POST', '/api/v1/bookings', user, {
      instrument,
      start: at(from),
      end: at(to),
      purpose: 'airglow night series',
    });

  beforeAll(async () => {
    station = await startTestStation(backend);
    await station.db.query(
      `INSERT INTO operable_instruments (id, station_id, spec) VALUES ($1, 'sattelberg', '{}')`,
      [INSTRUMENT],
    );
    for (const [name, role] of [
      ['vera', 'viewer'],
      ['otto', 'operator'],
    ] as const) {
      await station.db.query(
        `INSERT INTO users (name, role, password_params, password_salt, password_hash)
         VALUES ($1, $2, 'x', 'x', 'x')`,
        [name, role],
      );
    }
  });
  afterAll(() => station.close());

  it('confirms a free slot and refuses an overlap, naming who holds it and when', async () => {
    const first = await book('sara', 0, 3);
    expect(first.status).toBe(201);
    const booked = await first.json();
    expect(booked).toMatchObject({ instrument: INSTRUMENT, user: 'sara', state: 'confirmed' });

    const overlapping = await book('tom', 2, 4);
    expect(overlapping.status).toBe(409);
    const { error } = await overlapping.json();
    expect(error.message).toContain(`overlaps booking ${booked.id} of sara`);
    expect(error.message).toContain(at(0).slice(0, 16).replace('T', ' '));

    expect((await book('tom', 3, 4)).status).toBe(201); // starts when the first ends
    const listed = await (
      await call('GET', `/api/v1/bookings?instrument=${INSTRUMENT}`, 'vera')
    ).json();
    expect(listed.bookings.map((b: { user: string }) => b.user)).toEqual(['sara', 'tom']);
  });

  it('lets exactly one of two simultaneous requests for the same time win', async () => {
    const answers = await Promise.all([
      book('ana', 10, 12),
      book('ben', 11, 13),
      book('cem', 10, 11),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(2);
  });

  it('lets viewers read but not book; scientists cancel only their own, operators any', async () => {
    expect((await book('vera', 20, 21)).status).toBe(403);
    const mine = await (await book('sara', 20, 21)).json();
    const byOther = await call('POST', `/api/v1/bookings/${mine.id}/cancel`, 'tom');
    expect(byOther.status).toBe(403);
    expect((await byOther.json()).error.message).toMatch(/only their own/);
    expect((await call('POST', `/api/v1/bookings/${mine.id}/cancel`, 'vera')).status).toBe(403);
    const cancelled = await call('POST', `/api/v1/bookings/${mine.id}/cancel`, 'otto');
    expect(await cancelled.json()).toMatchObject({ state: 'cancelled', cancelledBy: 'otto' });
    expect((await call('POST', `/api/v1/bookings/${mine.id}/cancel`, 'otto')).status).toBe(409);
    expect((await book('tom', 20, 21)).status).toBe(201); // the time is free again

    const audit = await station.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE subject = $1 ORDER BY id`,
      [mine.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['booking.request', 'booking.cancel']);
  });

  it('says what is wrong with a bad request', async () => {
    expect((await book('sara', 30, 30)).status).toBe(400);
    expect((await book('sara', 30, 60)).status).toBe(400); // longer than a day
    expect((await book('sara', -5, -4)).status).toBe(400); // in the past
    expect((await book('sara', 30, 31, 'sattelberg.nothing')).status).toBe(404);
    const noPurpose = await call('POST', '/api/v1/bookings', 'sara', {
      instrument: INSTRUMENT,
      start: at(30),
      end: at(31),
    });
    expect((await noPurpose.json()).error.message).toMatch(/purpose/);
    expect((await call('GET', '/api/v1/bookings/bk-none', 'sara')).status).toBe(404);
  });

  it('answers any body with a 4xx or a booking, never a 500, and never books an overlap', async () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(at(40)));
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            instrument: fc.oneof(fc.constant(INSTRUMENT), fc.string()),
            start: field,
            end: fc.oneof(field, fc.constant(at(41))),
            purpose: fc.oneof(fc.string(), fc.constant('fuzz')),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const answer = await call('POST', '/api/v1/bookings', 'fuzz', body);
          expect([201, 400, 404, 409]).toContain(answer.status);
        },
      ),
      { numRuns: 60 },
    );
    const held = await (
      await call('GET', `/api/v1/bookings?instrument=${INSTRUMENT}`, 'fuzz')
    ).json();
    const slots = held.bookings as { startMs: number; endMs: number }[];
    for (const a of slots) {
      for (const b of slots) {
        if (a !== b) expect(a.startMs < b.endMs && b.startMs < a.endMs).toBe(false);
      }
    }
  });
});

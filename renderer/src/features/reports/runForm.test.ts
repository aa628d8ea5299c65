import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationParamsSchema } from '../../../../core/contracts/evaluation';
import { evaluationRequestOf, yesterdayUtc } from './runForm';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('the run form', () => {
  it('turns whole UTC days, the last included, into parameters the job accepts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 399 }),
        (startDay, length) => {
          const firstDay = iso(startDay * DAY);
          const lastDay = iso((startDay + length) * DAY);
          const result = evaluationRequestOf({ stations: ['sattelberg'], firstDay, lastDay });
          if (!result.ok) throw new Error(result.error);
          expect(result.request.toMs - result.request.fromMs).toBe((length + 1) * DAY);
          expect(evaluationParamsSchema.safeParse(result.request).success).toBe(true);
        },
      ),
    );
  });

  it('says what is wrong instead of submitting', () => {
    const form = { stations: ['s'], firstDay: '2017-02-22', lastDay: '2017-02-22' };
    const error = (over: Partial<typeof form>) => {
      const result = evaluationRequestOf({ ...form, ...over });
      return result.ok ? null : result.error;
    };
    expect(error({})).toBeNull();
    expect(error({ stations: [] })).toBe('Choose at least one station.');
    expect(error({ firstDay: '' })).toBe('The first day is not a date.');
    expect(error({ lastDay: '2017-02-30x' })).toBe('The last day is not a date.');
    expect(error({ lastDay: '2017-02-21' })).toBe('The last day is before the first.');
    expect(error({ lastDay: '2018-12-31' })).toBe('At most 400 days at once.');
    expect(yesterdayUtc(Date.UTC(2017, 2, 1, 0, 30))).toBe('2017-02-28');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleInputSchema } from '../../../../core/schedules/schedule';
import { formatInZone, formOfSchedule, inputOfForm, newScheduleForm } from './scheduleForm';

describe('the schedule form', () => {
  it('starts as the daily report at 06:00 station time for the day that just ended', () => {
    const result = inputOfForm(newScheduleForm('sattelberg'));
    expect('input' in result && scheduleInputSchema.parse(result.input)).toMatchObject({
      recurrence: { kind: 'daily', at: '06:00', timeZone: 'Europe/Vienna' },
      job: { queue: 'jobs.sod', type: 'daily-report', params: { day: '{{previousDay}}' } },
    });
  });

  it('round-trips a stored schedule, weekdays in week order', () => {
    const form = {
      ...newScheduleForm(),
      kind: 'weekly' as const,
      days: ['fri' as const, 'mon' as const],
    };
    const result = inputOfForm(form);
    if (!('input' in result)) throw new Error(result.error);
    expect(result.input.recurrence).toMatchObject({ days: ['mon', 'fri'] });
    const stored = {
      ...scheduleInputSchema.parse(result.input),
      id: 's',
      owner: 'clara',
      lastRunAt: null,
      nextRunAt: null,
      lastJobId: null,
      lastJobState: null,
      updatedAt: '2026-11-25T00:00:00.000Z',
    };
    expect(inputOfForm(formOfSchedule(stored))).toEqual({
      input: scheduleInputSchema.parse(result.input),
    });
  });

  it('says what is wrong with the parameters instead of sending them', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = inputOfForm({ ...newScheduleForm(), paramsText: text });
        let parsed: unknown;
        try {
          parsed = JSON.parse(text === '' ? '{}' : text);
        } catch {
          expect(result).toMatchObject({ error: expect.stringMatching(/not JSON/) });
          return;
        }
        const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
        expect('input' in result).toBe(isObject);
      }),
    );
  });

  it('shows times on the schedule’s own clock', () => {
    expect(formatInZone('2026-01-16T05:00:00.000Z', 'Europe/Vienna')).toBe(
      '2026-01-16 06:00 (Europe/Vienna)',
    );
    expect(formatInZone('2026-07-16T04:00:00.000Z', 'Europe/Vienna')).toBe(
      '2026-07-16 06:00 (Europe/Vienna)',
    );
    expect(formatInZone(null, 'Europe/Vienna')).toBe('—');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandParams, jobTemplateSchema, placeholderValues } from './job-template';
import { occurrenceJobId } from './schedule';

describe('job templates', () => {
  it('names the day that just ended in station time', () => {
    // 06:00 in Vienna on 1 March 2026 is 05:00Z; the day that ended is 28 February.
    const values = placeholderValues(Date.parse('2026-03-01T05:00:00Z'), 'Europe/Vienna');
    const params = expandParams({ station: 'sattelberg', day: '{{previousDay}}' }, values);
    expect(params).toEqual({ station: 'sattelberg', day: '2026-02-28' });
    // 00:30 local on 1 March is still 28 February in UTC: the zone decides the date.
    const early = placeholderValues(Date.parse('2026-02-28T23:30:00Z'), 'Europe/Vienna');
    expect(early['{{day}}']).toBe('2026-03-01');
  });

  it('replaces placeholders at any depth and leaves everything else as it was', () => {
    const values = { '{{day}}': 'D' };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const params = { value };
        const text = JSON.stringify(expandParams(params, values));
        expect(text.includes('{{day}}')).toBe(false);
        if (!JSON.stringify(params).includes('{{day}}')) {
          // Compared as JSON, which is what a job's params become (-0 and 0 are one there).
          expect(JSON.stringify(expandParams(params, values))).toBe(JSON.stringify(params));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('checks the job type and defaults to the SoD queue', () => {
    expect(jobTemplateSchema.parse({ type: 'daily-report' }).queue).toBe('jobs.sod');
    expect(jobTemplateSchema.safeParse({ type: 'Daily Report' }).success).toBe(false);
  });

  it('gives each occurrence of each schedule its own stable job id', () => {
    const at = Date.parse('2026-03-01T05:00:00Z');
    expect(occurrenceJobId('s1', at)).toBe(occurrenceJobId('s1', at));
    expect(occurrenceJobId('s1', at)).not.toBe(occurrenceJobId('s1', at + 86_400_000));
    expect(occurrenceJobId('s1', at)).not.toBe(occurrenceJobId('s2', at));
  });
});

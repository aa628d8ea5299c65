import type { EvaluationParams } from '../contracts/evaluation';
import { addDays, instantOfWallTime, type LocalDate } from '../schedules/zoned-time';

/**
 * The evaluation's window [fromMs, toMs): as given, or the calendar day from local
 * midnight to the next (23 or 25 hours on the days the clocks change).
 */
export function windowOf(params: EvaluationParams): { fromMs: number; toMs: number } {
  if (params.day === undefined) return { fromMs: params.fromMs!, toMs: params.toMs! };
  const zone = params.timeZone ?? 'UTC';
  const [year = 0, month = 1, day = 1] = params.day.split('-').map(Number);
  const date: LocalDate = { year, month, day };
  return {
    fromMs: instantOfWallTime(zone, date, 0),
    toMs: instantOfWallTime(zone, addDays(date, 1), 0),
  };
}

import type { MissingDataCondition } from '../condition-schema';
import { durationMs } from '../duration';
import { activeSince, nextActiveStart, type Schedule } from '../schedule';

// A missing-data condition becomes true at a moment when no observation arrives: nothing
// would make the engine evaluate then. So the engine adds that moment, the deadline, as an
// evaluation instant of its own (rule-engine.ts); this file computes it.

export interface MissingWatch {
  input: string;
  /** How old the newest value may be before the input counts as missing. */
  thresholdMs: number;
  schedule?: Schedule | undefined;
}

/** After `after` (default three cadences), with half a cadence of grace for jitter. */
export function missingWatch(condition: MissingDataCondition): MissingWatch {
  const cadenceMs = durationMs(condition.cadence);
  const afterMs = condition.after === undefined ? 3 * cadenceMs : durationMs(condition.after);
  return {
    input: condition.input,
    thresholdMs: afterMs + cadenceMs / 2,
    schedule: condition.schedule,
  };
}

/** Whether the input counts as missing at `timeMs`, its newest value being from `lastMs`. */
export function isMissing(watch: MissingWatch, timeMs: number, lastMs: number): boolean {
  let since = lastMs;
  if (watch.schedule !== undefined) {
    const active = activeSince(watch.schedule, timeMs);
    if (active === null) return false;
    since = Math.max(since, active);
  }
  return timeMs - since >= watch.thresholdMs;
}

/**
 * The first time after `afterMs` at which the input starts to count as missing, its newest
 * value being from `lastMs`; null if that never happens. Without a schedule there is one
 * such time; with one, each later active window starts a new count at its beginning.
 */
export function missingDeadline(
  watch: MissingWatch,
  lastMs: number,
  afterMs = -Infinity,
): number | null {
  const { schedule, thresholdMs } = watch;
  if (schedule === undefined) return lastMs + thresholdMs > afterMs ? lastMs + thresholdMs : null;
  let since = lastMs;
  // Each round moves to a later active window; a few rounds settle any daily window.
  for (let round = 0; round < 6; round++) {
    const deadline = since + thresholdMs;
    const active = activeSince(schedule, deadline);
    if (active !== null && active <= since) {
      if (deadline > afterMs) return deadline;
      // Passed already: the next start is in the first window beginning late enough.
      since = nextActiveStart(schedule, Math.max(since, afterMs - thresholdMs));
    } else {
      since = active ?? nextActiveStart(schedule, since);
    }
  }
  return null;
}

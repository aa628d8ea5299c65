// How complete a datastream is over a period: the slots its cadence expects, the ones that
// hold a value, and the runs of empty slots (gaps). Pure: times in, figures out.

export interface Gap {
  /** First empty slot. */
  fromMs: number;
  /** Last empty slot. */
  toMs: number;
  slots: number;
}

export interface Completeness {
  expected: number;
  present: number;
  /** present / expected, 0..1; null when nothing is expected. */
  ratio: number | null;
  gaps: Gap[];
}

/**
 * Slots are [fromMs, toMs) stepped by the cadence; a value counts for the slot it falls
 * in (a station's clock drifts by seconds, not by a cadence), one per slot at most.
 */
export function completeness(
  timesMs: readonly number[],
  fromMs: number,
  toMs: number,
  cadenceMs: number,
): Completeness {
  const expected = Math.max(0, Math.ceil((toMs - fromMs) / cadenceMs));
  const filled = new Uint8Array(expected);
  for (const t of timesMs) {
    const slot = Math.floor((t - fromMs) / cadenceMs);
    if (slot >= 0 && slot < expected) filled[slot] = 1;
  }
  const gaps: Gap[] = [];
  let present = 0;
  for (let slot = 0; slot < expected; slot++) {
    if (filled[slot]) {
      present++;
      continue;
    }
    const last = gaps.at(-1);
    const at = fromMs + slot * cadenceMs;
    if (last && last.toMs === at - cadenceMs) {
      last.toMs = at;
      last.slots++;
    } else {
      gaps.push({ fromMs: at, toMs: at, slots: 1 });
    }
  }
  return { expected, present, ratio: expected === 0 ? null : present / expected, gaps };
}

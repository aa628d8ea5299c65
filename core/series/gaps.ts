/**
 * How far apart two consecutive observations may be before the plot shows a gap:
 * 2.5 expected cadences (one missing sample is a gap; jitter is not).
 */
export function gapThresholdMs(cadenceSeconds: number | null, t: readonly number[]): number {
  if (cadenceSeconds && cadenceSeconds > 0) return cadenceSeconds * 1000 * 2.5;
  return medianStepMs(t) * 5;
}

/** Median step between consecutive times; Infinity when fewer than two times. */
export function medianStepMs(t: readonly number[]): number {
  if (t.length < 2) return Number.POSITIVE_INFINITY;
  const sampleSize = Math.min(t.length - 1, 1000);
  const steps: number[] = [];
  for (let i = 1; i <= sampleSize; i += 1) steps.push((t[i] as number) - (t[i - 1] as number));
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] as number;
}

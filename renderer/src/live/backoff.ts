export interface BackoffOptions {
  /** First retry after 0.25–0.5 s: a server restart on the same machine is back that fast. */
  baseMs?: number;
  /**
   * Never wait longer than 30 s: a hut whose uplink returns should be live again within
   * half a minute, and one socket attempt every 15–30 s costs nothing.
   */
  maxMs?: number;
}

/**
 * Delay before reconnect attempt number `attempt` (0-based): exponential, capped, with
 * "equal jitter" (half fixed, half random). The jitter keeps every desk of a station from
 * reconnecting in the same millisecond after a server restart; the fixed half keeps a
 * flapping uplink from being hammered.
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  { baseMs = 500, maxMs = 30_000 }: BackoffOptions = {},
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

import { trayStatus, type TrayStatus } from './tray-status';

export interface HealthPollerOptions {
  /** The station's GET /api/health address. */
  url: string;
  onStatus(status: TrayStatus): void;
  /** Between answers while all is well. */
  intervalMs?: number;
  /** Between answers while offline, degraded or unreachable: the count moves, watch it. */
  fastIntervalMs?: number;
  /** A station that does not answer within this is reported unreachable. */
  timeoutMs?: number;
}

/** One question to the station: never throws, a failure is an 'unreachable' status. */
export async function checkStation(url: string, timeoutMs = 5_000): Promise<TrayStatus> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return trayStatus(undefined, `HTTP ${response.status}`);
    return trayStatus(await response.json());
  } catch (error) {
    return trayStatus(undefined, (error as Error).message);
  }
}

/**
 * Polls the health route for the tray. The next question is asked only after the previous
 * answer (a server waiting on an absent broker is never asked twice at once).
 */
export function startHealthPolling(options: HealthPollerOptions): { stop(): void } {
  const { url, onStatus, intervalMs = 10_000, fastIntervalMs = 2_000, timeoutMs } = options;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async () => {
    const status = await checkStation(url, timeoutMs);
    if (stopped) return;
    onStatus(status);
    timer = setTimeout(() => void poll(), status.state === 'ok' ? intervalMs : fastIntervalMs);
  };
  void poll();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

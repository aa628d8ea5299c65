import { DATASTREAMS_PER_CLIENT, datastreamKey, hundredthsAt, type Workload } from './workload';

/** The most samples (per datastream) one request carries when a client catches up. */
const MAX_SAMPLES_PER_REQUEST = 200;
const TICK_MS = 100;
const RETRY_MS = 250;
const REQUEST_TIMEOUT_MS = 15_000;

export interface ClientTally {
  /** Samples 0 … acked−1 of every datastream of the client are acknowledged (stored). */
  acked: number;
  requests: number;
  failedRequests: number;
  /** Samples due but not yet acknowledged: the client's own backlog while the server is down. */
  behind: number;
}

/**
 * One ingest client: sends its datastreams' due samples, one request in flight, and keeps
 * re-sending a batch until it is acknowledged, as a station logger does. A batch whose
 * answer was lost is acknowledged as duplicates the next time: nothing is stored twice.
 */
export async function runClient(
  client: number,
  workload: Workload,
  target: { url: string; token: string },
  runUntilMs: number,
  tally: ClientTally,
): Promise<void> {
  const { cadenceMs, startMs } = workload;
  const dueAt = (now: number) => Math.floor((now - startMs) / cadenceMs);
  const lastSample = dueAt(runUntilMs);
  while (tally.acked < lastSample) {
    const due = Math.min(dueAt(Date.now()), lastSample);
    tally.behind = due - tally.acked;
    if (due <= tally.acked) {
      await sleep(TICK_MS);
      continue;
    }
    const upTo = Math.min(due, tally.acked + MAX_SAMPLES_PER_REQUEST);
    const observations = [];
    for (let sample = tally.acked; sample < upTo; sample += 1) {
      const time = new Date(startMs + sample * cadenceMs).toISOString();
      for (let d = 0; d < DATASTREAMS_PER_CLIENT; d += 1) {
        const value = hundredthsAt(client, d, sample, cadenceMs) / 100;
        observations.push({ datastream: datastreamKey(client, d), time, value });
      }
    }
    tally.requests += 1;
    if (await post(target, observations)) tally.acked = upTo;
    else {
      tally.failedRequests += 1;
      await sleep(RETRY_MS);
    }
  }
  tally.behind = 0;
}

async function post(target: { url: string; token: string }, observations: unknown[]) {
  try {
    const res = await fetch(`${target.url}/api/v1/observations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${target.token}` },
      body: JSON.stringify({ observations }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const answer = (await res.json()) as { accepted?: number; rejected?: unknown[] };
    if (res.status !== 200) return false;
    if (answer.rejected?.length || answer.accepted !== observations.length) {
      // Not a fault of the run: the soak's own data must be valid. Stop loudly.
      throw new Error(`ingest rejected soak rows: ${JSON.stringify(answer).slice(0, 300)}`);
    }
    return true;
  } catch (error) {
    if ((error as Error).message.startsWith('ingest rejected')) throw error;
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

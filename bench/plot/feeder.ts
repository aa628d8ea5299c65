/** What a feeder did: the follow phase reports it beside the frame times. */
export interface FeederStats {
  samples: number;
  requests: number;
  /** POST → answer, ms. */
  answerMs: number[];
  lastTimeMs: number | null;
  /** From the first tick to the stop. */
  seconds: number;
  /** Refused or failed requests; any makes the bench fail, its figures would not mean much. */
  errors: string[];
}

export interface Feeder {
  stats: FeederStats;
  stop(): Promise<FeederStats>;
}

/** In-flight requests at most; beyond that, new samples wait and go out with the next request. */
const MAX_IN_FLIGHT = 4;

/**
 * An instrument sampling `keys` at `hz` and sending each sample as soon as it is measured
 * (one request per tick, one row per datastream), the hardest case for the live panel: new
 * points in almost every frame. Ticks follow the wall clock, so a slow answer never lowers
 * the sample rate; while MAX_IN_FLIGHT requests are pending, samples are buffered and sent
 * together, as a logger's buffer does.
 */
export function startFeeder(url: string, token: string, keys: string[], hz: number): Feeder {
  const stats: FeederStats = {
    samples: 0,
    requests: 0,
    answerMs: [],
    lastTimeMs: null,
    seconds: 0,
    errors: [],
  };
  const periodMs = 1000 / hz;
  const startedAt = Date.now();
  const inFlight = new Set<Promise<void>>();
  let buffered: { datastream: string; time: string; value: number }[] = [];
  let tick = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = () => {
    if (buffered.length === 0 || inFlight.size >= MAX_IN_FLIGHT) return;
    const body = JSON.stringify({ observations: buffered });
    buffered = [];
    const sentAt = performance.now();
    const request = fetch(`${url}/api/v1/observations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body,
    })
      .then(async (res) => {
        if (res.status !== 200)
          throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
        await res.body?.cancel();
        stats.answerMs.push(performance.now() - sentAt);
        stats.requests += 1;
      })
      .catch((error: unknown) => void stats.errors.push(String(error)))
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  const onTick = () => {
    const timeMs = startedAt + Math.round(tick * periodMs);
    const phase = (tick / hz) * 2 * Math.PI;
    keys.forEach((datastream, i) => {
      // A slow swing plus turbulence-like noise: lines with real detail for plotly to draw.
      const value = 2 + Math.sin(phase / 7 + i) + (Math.random() - 0.5) * (i === 3 ? 0.2 : 1.5);
      buffered.push({ datastream, time: new Date(timeMs).toISOString(), value });
    });
    stats.samples += keys.length;
    stats.lastTimeMs = timeMs;
    send();
    tick += 1;
    if (!stopped) timer = setTimeout(onTick, Math.max(0, startedAt + tick * periodMs - Date.now()));
  };
  onTick();

  return {
    stats,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      stats.seconds = (Date.now() - startedAt) / 1000;
      while (inFlight.size > 0 || buffered.length > 0) {
        send();
        await Promise.race(inFlight);
      }
      return stats;
    },
  };
}

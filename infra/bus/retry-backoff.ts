// Redelivery of a failed batch waits a little longer each time, so a handler whose database
// is briefly away is not hammered, yet a passing hiccup costs only a fraction of a second.

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 5_000;

export function backoffDelayMs(failures: number, maxDelayMs = MAX_DELAY_MS): number {
  return Math.min(maxDelayMs, FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1));
}

/** Waits `ms`, or less when `signal` aborts (a subscription being stopped). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Rejects with `message` when `work` has not settled within `ms`: a call never hangs. */
export async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

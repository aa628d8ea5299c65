// Seed, size and parallelism of the HTTP fuzz suite. Each can be set from the environment,
// so a failure in CI can be replayed exactly (same seed) or a run widened (more requests).

/** The seed CI uses: a fixed one, so every run sends the same requests. */
const DEFAULT_SEED = 20_261_125;
/** Requests the suite generates by default, split over its properties by weight. */
export const DEFAULT_REQUEST_BUDGET = 10_240;
/** What the issue asks of a default run: at least this many requests, no 5xx, no crash. */
export const REQUIRED_DEFAULT_REQUESTS = 10_000;
/** Requests in flight at once: enough to keep both cores busy, few enough to stay fair. */
const DEFAULT_CONCURRENCY = 16;

export interface FuzzSettings {
  seed: number;
  /** Requests generated over the whole suite (FIRN_FUZZ_RUNS). */
  requestBudget: number;
  concurrency: number;
  /**
   * Requests generated and checked together: twice the connections, so that while the
   * slowest of a batch is answered the others already carry the next ones.
   */
  batchSize: number;
  /** Shrinking a failing batch takes many more requests; off unless asked for. */
  shrink: boolean;
  backend: 'postgres' | 'pglite';
  /** True when the budget was not overridden: the ≥ 10,000 requirement applies. */
  usesDefaults: boolean;
}

function integerFromEnv(name: string, fallback: number, min: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name}=${JSON.stringify(text)} must be a whole number ≥ ${min}`);
  }
  return value;
}

export function readFuzzSettings(): FuzzSettings {
  const backend = process.env.FIRN_FUZZ_BACKEND ?? 'postgres';
  if (backend !== 'postgres' && backend !== 'pglite') {
    throw new Error(`FIRN_FUZZ_BACKEND=${JSON.stringify(backend)} must be postgres or pglite`);
  }
  const budget = integerFromEnv('FIRN_FUZZ_RUNS', DEFAULT_REQUEST_BUDGET, 1);
  const concurrency = integerFromEnv('FIRN_FUZZ_CONCURRENCY', DEFAULT_CONCURRENCY, 1);
  return {
    seed: integerFromEnv('FIRN_FUZZ_SEED', DEFAULT_SEED, -(2 ** 31)),
    requestBudget: budget,
    concurrency,
    batchSize: 2 * concurrency,
    shrink: process.env.FIRN_FUZZ_SHRINK === '1',
    backend,
    usesDefaults: process.env.FIRN_FUZZ_RUNS === undefined,
  };
}

/** Property runs (batches of `batchSize` requests) for a share of the budget. */
export function batchesFor(settings: FuzzSettings, share: number): number {
  return Math.max(1, Math.ceil((settings.requestBudget * share) / settings.batchSize));
}

import { errorMessage } from '../../api/client';
import { fetchSeries } from '../../api/endpoints';

/** One input of a rule: its name in the conditions and the datastream it reads. */
export interface RuleInput {
  alias: string;
  key: string;
}

/** The history of one input over the backtest range, decimated for drawing. */
export interface InputHistory extends RuleInput {
  unit: string;
  x: number[];
  y: (number | null)[];
  /** Stored observations in the range, before decimation. */
  count: number;
  error: string | null;
}

/**
 * Points per input: about the width of a wide plot. A year of 10-minute data (52,560 rows)
 * comes back decimated by the server; more points than pixels would only be drawn twice.
 */
export const HISTORY_POINTS = 1500;

/** The inputs of a rule document, in scope order; anything not a datastream key is skipped. */
export function inputsOf(document: Record<string, unknown>): RuleInput[] {
  const scope = document.scope;
  if (typeof scope !== 'object' || scope === null || Array.isArray(scope)) return [];
  return Object.entries(scope)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([alias, key]) => ({ alias, key }));
}

/**
 * Loads every input's history over [fromMs, toMs) in parallel. Never rejects: an input
 * that fails (an unknown datastream, say) comes back empty with its error, so the others
 * and the backtest's alerts are still drawn.
 */
export async function loadInputHistory(
  inputs: readonly RuleInput[],
  fromMs: number,
  toMs: number,
  fetcher: typeof fetchSeries = fetchSeries,
): Promise<InputHistory[]> {
  const settled = await Promise.allSettled(
    // In a then: a bad range throws while building the URL, and that is this input's error too.
    inputs.map((input) =>
      Promise.resolve().then(() =>
        fetcher({ key: input.key, from: fromMs, to: toMs, maxPoints: HISTORY_POINTS }),
      ),
    ),
  );
  return settled.map((result, i) => {
    const input = inputs[i] as RuleInput;
    if (result.status === 'rejected') {
      const error = errorMessage(result.reason);
      return { ...input, unit: '', x: [], y: [], count: 0, error };
    }
    const { unit, t, v, count } = result.value;
    return { ...input, unit, x: t, y: v, count, error: null };
  });
}

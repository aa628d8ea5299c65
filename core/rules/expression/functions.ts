// The fixed list of functions an expression may call. Nothing else is reachable from an
// expression: names resolve to inputs or to this table, never to JavaScript.

export interface ScalarFunction {
  minArgs: number;
  maxArgs: number;
  apply(args: readonly number[]): number;
}

export const SCALAR_FUNCTIONS: Record<string, ScalarFunction> = {
  abs: { minArgs: 1, maxArgs: 1, apply: ([x = NaN]) => Math.abs(x) },
  sqrt: { minArgs: 1, maxArgs: 1, apply: ([x = NaN]) => Math.sqrt(x) },
  round: { minArgs: 1, maxArgs: 1, apply: ([x = NaN]) => Math.round(x) },
  min: { minArgs: 2, maxArgs: 16, apply: (args) => Math.min(...args) },
  max: { minArgs: 2, maxArgs: 16, apply: (args) => Math.max(...args) },
};

/**
 * Functions over a window of one input's past values, called as `mean(t, 1h)`. All but
 * `delta` see the values of (now − window, now]; `delta` is the newest value minus the
 * oldest one of [now − window, now], so `delta(t, 1h)` compares with the value an hour ago.
 */
export const WINDOW_FUNCTIONS = ['mean', 'min', 'max', 'stddev', 'count', 'sum', 'delta'] as const;

export type WindowFunction = (typeof WINDOW_FUNCTIONS)[number];

export function isWindowFunction(name: string): name is WindowFunction {
  return (WINDOW_FUNCTIONS as readonly string[]).includes(name);
}

export function isScalarFunction(name: string): boolean {
  return Object.hasOwn(SCALAR_FUNCTIONS, name);
}

export const FUNCTION_NAMES = [
  ...new Set([...Object.keys(SCALAR_FUNCTIONS), ...WINDOW_FUNCTIONS]),
].sort();

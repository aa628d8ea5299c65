import { describe, expect, it } from 'vitest';
import { compileExpression, evaluateExpression, type EvaluationContext } from './evaluator';
import type { WindowFunction } from './functions';
import { checkExpression } from './type-checker';

const values: Record<string, number | null> = { a: 6, b: 4, zero: 0, unknown: null };

const context: EvaluationContext = {
  value: (input) => values[input] ?? null,
  window: (fn: WindowFunction, input, ms) => (input === 'unknown' ? null : ms / 60_000 + fn.length),
};

const evaluate = (source: string) =>
  evaluateExpression(checkExpression(source, Object.keys(values)), context);

describe('evaluateExpression', () => {
  it('computes arithmetic, functions and comparisons', () => {
    expect(evaluate('a + b * 2 - a / b % 1')).toBe(13.5);
    expect(evaluate('-a + abs(-b) + sqrt(16) + round(2.5) + min(a, b, 5) + max(a, b)')).toBe(15);
    expect(evaluate('a > b and a >= 6 and b < 5 and b <= 4 and a != b and a == 6')).toBe(true);
    expect(evaluate('(a > b) == true')).toBe(true);
  });

  it('asks the context for window functions with the window in milliseconds', () => {
    expect(evaluate('mean(a, 1h)')).toBe(64);
    expect(evaluate('delta(b, 10m) + count(b, 30s)')).toBe(20.5);
  });

  it('makes non-finite results unknown instead of Infinity or NaN', () => {
    expect(evaluate('a / zero')).toBeNull();
    expect(evaluate('a % zero')).toBeNull();
    expect(evaluate('sqrt(zero - 1)')).toBeNull();
    expect(evaluate('a / zero > 1')).toBeNull();
  });

  it('spreads unknown through arithmetic and follows three-valued logic', () => {
    expect(evaluate('unknown + 1')).toBeNull();
    expect(evaluate('max(a, unknown)')).toBeNull();
    expect(evaluate('mean(unknown, 1h)')).toBeNull();
    expect(evaluate('unknown > 1')).toBeNull();
    expect(evaluate('not (unknown > 1)')).toBeNull();
    expect(evaluate('unknown > 1 and a < 0')).toBe(false);
    expect(evaluate('a < 0 and unknown > 1')).toBe(false);
    expect(evaluate('unknown > 1 and a > 0')).toBeNull();
    expect(evaluate('unknown > 1 or a > 0')).toBe(true);
    expect(evaluate('unknown > 1 or a < 0')).toBeNull();
  });

  it('compiles once into a function that can be reused with other contexts', () => {
    const compiled = compileExpression(checkExpression('a * 2', ['a']));
    expect(compiled({ value: () => 3, window: () => null })).toBe(6);
    expect(compiled({ value: () => null, window: () => null })).toBeNull();
  });
});

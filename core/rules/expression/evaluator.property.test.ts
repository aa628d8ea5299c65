import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from './ast';
import { evaluateExpression, type EvaluationContext } from './evaluator';
import { parseExpression } from './parser';
import { printExpression } from './printer';
import { checkTree } from './type-checker';

// Arithmetic trees generated together with their meaning as plain JavaScript. Unknown
// (null) stands for a missing input or a non-finite intermediate result, as documented.

type Env = Record<string, number | null>;
interface Case {
  expr: Expr;
  compute: (env: Env) => number | null;
}

const INPUTS = ['a', 'b', 'c'];
const at = 0;
const finite = (x: number) => (Number.isFinite(x) ? x : null);
const both = (l: Case, r: Case, f: (x: number, y: number) => number) => (env: Env) => {
  const x = l.compute(env);
  const y = r.compute(env);
  return x === null || y === null ? null : finite(f(x, y));
};

const arithmetic: fc.Arbitrary<Case> = fc.letrec<{ node: Case }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc
      .double({ min: 0, max: 1e6, noNaN: true })
      .map(Math.abs)
      .map((value) => ({
        expr: { kind: 'number', value, at } as Expr,
        compute: () => value,
      })),
    fc.constantFrom(...INPUTS).map((name) => ({
      expr: { kind: 'input', name, at } as Expr,
      compute: (env: Env) => env[name] ?? null,
    })),
    tie('node').map((inner) => ({
      expr: { kind: 'unary', op: '-', operand: inner.expr, at } as Expr,
      compute: (env: Env) => {
        const x = inner.compute(env);
        return x === null ? null : -x;
      },
    })),
    fc
      .tuple(fc.constantFrom('+', '-', '*', '/', '%'), tie('node'), tie('node'))
      .map(([op, l, r]) => ({
        expr: { kind: 'binary', op, left: l.expr, right: r.expr, at } as Expr,
        compute: both(l, r, (x, y) =>
          op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y,
        ),
      })),
    fc.tuple(fc.constantFrom('abs', 'sqrt', 'round'), tie('node')).map(([name, arg]) => ({
      expr: { kind: 'call', name, args: [arg.expr], at } as Expr,
      compute: both(arg, arg, (x) =>
        name === 'abs' ? Math.abs(x) : name === 'sqrt' ? Math.sqrt(x) : Math.round(x),
      ),
    })),
    fc.tuple(fc.constantFrom('min', 'max'), tie('node'), tie('node')).map(([name, l, r]) => ({
      expr: { kind: 'call', name, args: [l.expr, r.expr], at } as Expr,
      compute: both(l, r, name === 'min' ? Math.min : Math.max),
    })),
  ),
})).node;

const envArbitrary = fc.record({
  a: fc.option(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { freq: 5 }),
  b: fc.option(fc.integer({ min: -20, max: 20 }), { freq: 5 }),
  c: fc.constantFrom(0, 1, -1, 0.5),
});

const contextOf = (env: Env): EvaluationContext => ({
  value: (input) => env[input] ?? null,
  window: () => null,
});

describe('evaluator properties', () => {
  it('agrees with a direct JavaScript computation on arithmetic trees', () => {
    fc.assert(
      fc.property(arithmetic, envArbitrary, ({ expr, compute }, env) => {
        const checked = checkTree(expr, INPUTS);
        expect(checked.type).toBe('number');
        expect(evaluateExpression(checked, contextOf(env))).toBe(compute(env));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same value for the printed and re-parsed expression', () => {
    fc.assert(
      fc.property(arithmetic, envArbitrary, ({ expr }, env) => {
        const reparsed = checkTree(parseExpression(printExpression(expr)), INPUTS);
        const original = evaluateExpression(checkTree(expr, INPUTS), contextOf(env));
        expect(evaluateExpression(reparsed, contextOf(env))).toBe(original);
      }),
      { numRuns: 1000 },
    );
  });
});

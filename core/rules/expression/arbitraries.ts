import fc from 'fast-check';
import type { DurationUnit } from '../duration';
import { isKeyword, type BinaryOperator, type Expr } from './ast';

// Generators of expression trees for the property tests (tests only). Trees are those the
// parser can produce: literals are non-negative (a minus sign is an operation), names are
// not keywords, and depth stays far below the parser's bound.

export const nameArbitrary = fc
  .stringMatching(/^[a-z_][a-z0-9_]{0,5}$/)
  .filter((name) => !isKeyword(name));

const at = 0;
const OPERATORS: BinaryOperator[] = [
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!=',
  'and',
  'or',
];
const UNITS: DurationUnit[] = ['s', 'm', 'h', 'd'];
const magnitude = fc.oneof(
  fc.nat({ max: 1000 }),
  fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }).map(Math.abs),
);

/** Any tree the parser could produce, typed or not (the parser does not check types). */
export const exprArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    magnitude.map((value): Expr => ({ kind: 'number', value, at })),
    fc.boolean().map((value): Expr => ({ kind: 'boolean', value, at })),
    fc
      .tuple(
        magnitude.filter((x) => x > 0),
        fc.constantFrom(...UNITS),
      )
      .map(([amount, unit]): Expr => ({ kind: 'duration', amount, unit, at })),
    nameArbitrary.map((name): Expr => ({ kind: 'input', name, at })),
    fc
      .tuple(fc.constantFrom('-' as const, 'not' as const), tie('expr'))
      .map(([op, operand]): Expr => ({ kind: 'unary', op, operand, at })),
    fc
      .tuple(fc.constantFrom(...OPERATORS), tie('expr'), tie('expr'))
      .map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right, at })),
    fc
      .tuple(nameArbitrary, fc.array(tie('expr'), { maxLength: 3 }))
      .map(([name, args]): Expr => ({ kind: 'call', name, args, at })),
  ),
})).expr;

/** Text made of the language's own pieces, so random input reaches deep into the parser. */
export const soupArbitrary = fc
  .array(
    fc.oneof(
      fc.constantFrom('(', ')', ',', '+', '-', '*', '/', '%', '<', '<=', '==', '!=', '>', ' '),
      fc.constantFrom('and', 'or', 'not', 'true', 'false', 'mean', 'abs', 'max', '1h', '10m'),
      fc.constantFrom('=', '!', '&&', '.', '1e', '2e+', '\n', '\t', '😀', '"', '\\'),
      nameArbitrary,
      fc.nat().map(String),
    ),
    { maxLength: 400 },
  )
  .map((pieces) => pieces.join(''));

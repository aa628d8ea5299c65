import type { DurationUnit } from '../duration';

// The syntax tree of an expression. `at` is the source offset of the token that names the
// node (the operator of an operation, the name of a call), where errors about it point.

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicalOperator = 'and' | 'or';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;
export type UnaryOperator = '-' | 'not';

export type Expr =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'boolean'; value: boolean; at: number }
  | { kind: 'duration'; amount: number; unit: DurationUnit; at: number }
  | { kind: 'input'; name: string; at: number }
  | { kind: 'unary'; op: UnaryOperator; operand: Expr; at: number }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr; at: number }
  | { kind: 'call'; name: string; args: Expr[]; at: number };

export const KEYWORDS = ['and', 'or', 'not', 'true', 'false'] as const;

export function isKeyword(name: string): boolean {
  return (KEYWORDS as readonly string[]).includes(name);
}

/** Binding strength, loosest first; the parser and the printer share it so they agree. */
export const PRECEDENCE = {
  or: 1,
  and: 2,
  not: 3,
  comparison: 4,
  additive: 5,
  multiplicative: 6,
  negation: 7,
  atom: 8,
} as const;

export const COMPARISON_OPERATORS: readonly string[] = ['<', '<=', '>', '>=', '==', '!='];

export function precedenceOf(expr: Expr): number {
  if (expr.kind === 'unary') return expr.op === 'not' ? PRECEDENCE.not : PRECEDENCE.negation;
  if (expr.kind !== 'binary') return PRECEDENCE.atom;
  if (expr.op === 'or' || expr.op === 'and') return PRECEDENCE[expr.op];
  if (COMPARISON_OPERATORS.includes(expr.op)) return PRECEDENCE.comparison;
  return expr.op === '+' || expr.op === '-' ? PRECEDENCE.additive : PRECEDENCE.multiplicative;
}

/** The tree without source offsets: what "the same expression" means across printings. */
export function withoutPositions(expr: Expr): unknown {
  switch (expr.kind) {
    case 'unary':
      return { kind: 'unary', op: expr.op, operand: withoutPositions(expr.operand) };
    case 'binary': {
      const { op, left, right } = expr;
      return { kind: 'binary', op, left: withoutPositions(left), right: withoutPositions(right) };
    }
    case 'call':
      return { kind: 'call', name: expr.name, args: expr.args.map(withoutPositions) };
    default: {
      const { at: _at, ...rest } = expr;
      return rest;
    }
  }
}

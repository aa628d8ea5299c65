import { DURATION_UNIT_MS } from '../duration';
import type { ArithmeticOperator, Expr } from './ast';
import { isWindowFunction, SCALAR_FUNCTIONS, type WindowFunction } from './functions';
import type { CheckedExpression } from './type-checker';

// Expressions are compiled once into nested closures (no eval, no Function): a rule runs
// for every observation, and a closure tree is several times faster than walking the AST.
//
// Values may be unknown (null): an input without a fresh value, an empty window, 1 / 0 or
// sqrt(-1). Unknown spreads through arithmetic and comparisons; `and` / `or` follow
// three-valued logic (false and unknown = false, true or unknown = true).

export interface EvaluationContext {
  /** The newest value of an input at the evaluation time, or null when none is fresh. */
  value(input: string): number | null;
  /** A window function over an input's past values, or null when it has no answer. */
  window(fn: WindowFunction, input: string, ms: number): number | null;
}

export type Value = number | boolean | null;
type NumberFn = (context: EvaluationContext) => number | null;
type BooleanFn = (context: EvaluationContext) => boolean | null;

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

const ARITHMETIC: Record<ArithmeticOperator, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
};

const COMPARE: Record<string, (a: number | boolean, b: number | boolean) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** Whether a (checked) tree is boolean; the language's types follow from syntax alone. */
function isBoolean(expr: Expr): boolean {
  if (expr.kind === 'boolean') return true;
  if (expr.kind === 'unary') return expr.op === 'not';
  return expr.kind === 'binary' && !Object.hasOwn(ARITHMETIC, expr.op);
}

function compileNumber(expr: Expr): NumberFn {
  switch (expr.kind) {
    case 'number':
      return () => expr.value;
    case 'input':
      return (context) => context.value(expr.name);
    case 'unary': {
      const operand = compileNumber(expr.operand);
      return (context) => {
        const x = operand(context);
        return x === null ? null : -x;
      };
    }
    case 'binary': {
      const [left, right, apply] = [
        compileNumber(expr.left),
        compileNumber(expr.right),
        ARITHMETIC[expr.op as ArithmeticOperator],
      ];
      return (context) => {
        const a = left(context);
        const b = a === null ? null : right(context);
        return b === null ? null : finite(apply(a as number, b));
      };
    }
    case 'call':
      return compileCall(expr);
    default:
      throw new TypeError(`not a number expression: ${expr.kind}`);
  }
}

function compileCall({ name, args }: Extract<Expr, { kind: 'call' }>): NumberFn {
  const [subject, window] = args;
  if (isWindowFunction(name) && subject?.kind === 'input' && window?.kind === 'duration') {
    const fn: WindowFunction = name;
    const ms = window.amount * DURATION_UNIT_MS[window.unit];
    return (context) => context.window(fn, subject.name, ms);
  }
  const scalar = SCALAR_FUNCTIONS[name];
  if (scalar === undefined) throw new TypeError(`unknown function ${name}`);
  const compiled = args.map(compileNumber);
  return (context) => {
    const values: number[] = [];
    for (const arg of compiled) {
      const x = arg(context);
      if (x === null) return null;
      values.push(x);
    }
    return finite(scalar.apply(values));
  };
}

function compileBoolean(expr: Expr): BooleanFn {
  if (expr.kind === 'boolean') return () => expr.value;
  if (expr.kind === 'unary') {
    const operand = compileBoolean(expr.operand);
    return (context) => {
      const x = operand(context);
      return x === null ? null : !x;
    };
  }
  if (expr.kind !== 'binary') throw new TypeError(`not a boolean expression: ${expr.kind}`);
  const { op } = expr;
  if (op === 'and' || op === 'or') {
    const [left, right, decisive] = [
      compileBoolean(expr.left),
      compileBoolean(expr.right),
      op === 'or',
    ];
    return (context) => {
      const a = left(context);
      if (a === decisive) return decisive;
      const b = right(context);
      if (b === decisive) return decisive;
      return a === null || b === null ? null : !decisive;
    };
  }
  const compile = isBoolean(expr.left) ? compileBoolean : compileNumber;
  const [left, right, compare] = [compile(expr.left), compile(expr.right), COMPARE[op]];
  if (compare === undefined) throw new TypeError(`not a comparison: ${op}`);
  return (context) => {
    const a = left(context);
    const b = a === null ? null : right(context);
    return b === null ? null : compare(a as number | boolean, b);
  };
}

/** Compiles a checked expression; the result is a pure function of the context. */
export function compileExpression(
  checked: CheckedExpression,
): (context: EvaluationContext) => Value {
  return checked.type === 'boolean' ? compileBoolean(checked.ast) : compileNumber(checked.ast);
}

/** Evaluates once; for repeated use, compile once instead. */
export function evaluateExpression(checked: CheckedExpression, context: EvaluationContext): Value {
  return compileExpression(checked)(context);
}

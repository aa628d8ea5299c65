import { DURATION_UNIT_MS, MAX_WINDOW_MS } from '../duration';
import type { Expr } from './ast';
import { ExpressionError, quoted } from './errors';
import {
  FUNCTION_NAMES,
  isScalarFunction,
  isWindowFunction,
  SCALAR_FUNCTIONS,
  type WindowFunction,
} from './functions';
import { parseExpression } from './parser';

export type ExpressionType = 'number' | 'boolean';

/** A window an expression reads, so the engine keeps enough history of that input. */
export interface WindowUse {
  fn: WindowFunction;
  input: string;
  ms: number;
}

export interface CheckedExpression {
  ast: Expr;
  type: ExpressionType;
  /** Inputs the expression reads, each once, in order of first use. */
  inputs: string[];
  windows: WindowUse[];
}

/** Parses and checks `source` against the rule's input names; throws ExpressionError. */
export function checkExpression(
  source: string,
  knownInputs: readonly string[],
  expected?: ExpressionType,
): CheckedExpression {
  const checked = checkTree(parseExpression(source), knownInputs, source);
  if (expected !== undefined && checked.type !== expected) {
    throw new ExpressionError(
      `expected a ${expected} expression, found a ${checked.type} one`,
      source,
      checked.ast.at,
    );
  }
  return checked;
}

/** Checks a tree (its offsets point into `source`, used only for messages). */
export function checkTree(
  ast: Expr,
  knownInputs: readonly string[],
  source = '',
): CheckedExpression {
  const inputs: string[] = [];
  const windows: WindowUse[] = [];
  const fail = (reason: string, at: number, hint?: string): never => {
    throw new ExpressionError(reason, source, at, hint);
  };
  const want = (expr: Expr, type: ExpressionType): void => {
    const actual = typeOf(expr);
    if (actual !== type) fail(`expected a ${type}, found a ${actual}`, expr.at);
  };

  function typeOf(expr: Expr): ExpressionType {
    switch (expr.kind) {
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'duration':
        return fail('a duration only goes in a window function', expr.at, 'e.g. mean(t, 1h)');
      case 'input':
        if (!knownInputs.includes(expr.name)) {
          const known = knownInputs.length > 0 ? knownInputs.join(', ') : 'none';
          fail(`unknown input ${quoted(expr.name)}`, expr.at, `inputs: ${known}`);
        }
        if (!inputs.includes(expr.name)) inputs.push(expr.name);
        return 'number';
      case 'unary':
        want(expr.operand, expr.op === 'not' ? 'boolean' : 'number');
        return expr.op === 'not' ? 'boolean' : 'number';
      case 'binary':
        return typeOfBinary(expr);
      case 'call':
        return typeOfCall(expr);
    }
  }

  function typeOfBinary(expr: Extract<Expr, { kind: 'binary' }>): ExpressionType {
    if (expr.op === 'and' || expr.op === 'or') {
      want(expr.left, 'boolean');
      want(expr.right, 'boolean');
      return 'boolean';
    }
    if (expr.op === '==' || expr.op === '!=') {
      const left = typeOf(expr.left);
      const right = typeOf(expr.right);
      if (left !== right) fail(`${expr.op} compares a ${left} with a ${right}`, expr.at);
      return 'boolean';
    }
    want(expr.left, 'number');
    want(expr.right, 'number');
    return /^[<>]/.test(expr.op) ? 'boolean' : 'number';
  }

  function typeOfCall(expr: Extract<Expr, { kind: 'call' }>): ExpressionType {
    const { name, args, at } = expr;
    const [subject, window] = args;
    if (isWindowFunction(name) && args.length === 2 && window?.kind === 'duration') {
      if (subject?.kind !== 'input') {
        return fail(
          `${name} over a window needs an input name first`,
          subject?.at ?? at,
          `e.g. ${name}(t, 1h)`,
        );
      }
      typeOf(subject);
      const ms = window.amount * DURATION_UNIT_MS[window.unit];
      if (!(ms > 0 && ms <= MAX_WINDOW_MS)) fail('a window lasts from 1s to 31d', window.at);
      windows.push({ fn: name, input: subject.name, ms });
      return 'number';
    }
    const scalar = SCALAR_FUNCTIONS[name];
    if (scalar !== undefined && isScalarFunction(name)) {
      const { minArgs, maxArgs } = scalar;
      if (args.length < minArgs || args.length > maxArgs) {
        const wanted = minArgs === maxArgs ? `${minArgs}` : `${minArgs} to ${maxArgs}`;
        const hint = isWindowFunction(name)
          ? `or an input and a window: ${name}(t, 1h)`
          : undefined;
        const plural = maxArgs > 1 ? 's' : '';
        fail(`${name} takes ${wanted} argument${plural}, not ${args.length}`, at, hint);
      }
      for (const arg of args) want(arg, 'number');
      return 'number';
    }
    if (isWindowFunction(name))
      return fail(`${name} takes an input and a window`, at, `e.g. ${name}(t, 1h)`);
    return fail(`unknown function ${quoted(name)}`, at, `functions: ${FUNCTION_NAMES.join(', ')}`);
  }

  const type = typeOf(ast);
  return { ast, type, inputs, windows };
}

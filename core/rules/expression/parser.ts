import { isDurationUnit } from '../duration';
import {
  COMPARISON_OPERATORS,
  isKeyword,
  type BinaryOperator,
  type ComparisonOperator,
  type Expr,
} from './ast';
import { ExpressionError, MAX_EXPRESSION_DEPTH, quoted } from './errors';
import { tokenize, type Token } from './tokenizer';

/**
 * Parses an expression to its tree, or throws ExpressionError (never anything else).
 * Precedence, loosest first: `or`, `and`, `not`, comparisons (not chainable), `+ -`,
 * `* / %`, unary `-`, then numbers, durations, `true`/`false`, inputs, calls and `( )`.
 */
export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let index = 0;
  // Trees are walked recursively later on (checker, printer, evaluator), so the depth of
  // the tree is bounded here, not only the depth of the parser's own recursion.
  const depths = new WeakMap<Expr, number>();

  const peek = (): Token => tokens[index] as Token;
  const next = (): Token => tokens[index++] as Token;
  const fail = (reason: string, token: Token, hint?: string): never => {
    throw new ExpressionError(reason, source, token.offset, hint);
  };
  const describe = (token: Token) =>
    token.kind === 'end' ? 'end of expression' : quoted(token.text);
  const isSymbol = (text: string) => peek().kind === 'symbol' && peek().text === text;
  const isWord = (text: string) => peek().kind === 'name' && peek().text === text;

  function made(node: Expr, at: Token, ...children: Expr[]): Expr {
    const depth = 1 + Math.max(0, ...children.map((child) => depths.get(child) ?? 1));
    if (depth > MAX_EXPRESSION_DEPTH) fail('expression nests too deeply', at);
    depths.set(node, depth);
    return node;
  }

  function leftAssociative(
    operators: readonly string[],
    operand: () => Expr,
    words = false,
  ): () => Expr {
    return () => {
      let left = operand();
      while (operators.includes(peek().text) && peek().kind === (words ? 'name' : 'symbol')) {
        const token = next();
        const right = operand();
        const op = token.text as BinaryOperator;
        left = made({ kind: 'binary', op, left, right, at: token.offset }, token, left, right);
      }
      return left;
    };
  }

  const parseUnary = (): Expr => {
    if (!isSymbol('-')) return parsePrimary();
    const token = next();
    const operand = nested(token, parseUnary);
    return made({ kind: 'unary', op: '-', operand, at: token.offset }, token, operand);
  };
  const parseMultiplicative = leftAssociative(['*', '/', '%'], parseUnary);
  const parseAdditive = leftAssociative(['+', '-'], parseMultiplicative);

  function parseComparison(): Expr {
    const left = parseAdditive();
    if (peek().kind !== 'symbol' || !COMPARISON_OPERATORS.includes(peek().text)) return left;
    const token = next();
    const right = parseAdditive();
    if (peek().kind === 'symbol' && COMPARISON_OPERATORS.includes(peek().text)) {
      fail('comparisons cannot be chained', peek(), 'combine them with and');
    }
    const op = token.text as ComparisonOperator;
    return made({ kind: 'binary', op, left, right, at: token.offset }, token, left, right);
  }

  function parseNot(): Expr {
    if (!isWord('not')) return parseComparison();
    const token = next();
    const operand = nested(token, parseNot);
    return made({ kind: 'unary', op: 'not', operand, at: token.offset }, token, operand);
  }
  const parseAnd = leftAssociative(['and'], parseNot, true);
  const parseOr = leftAssociative(['or'], parseAnd, true);

  // Recursion happens only through here, so counting it bounds the stack.
  let nesting = 0;
  function guardNesting(token: Token): void {
    if (nesting >= MAX_EXPRESSION_DEPTH) fail('expression nests too deeply', token);
  }
  function nested<T>(token: Token, parse: () => T): T {
    guardNesting(token);
    nesting++;
    const result = parse();
    nesting--;
    return result;
  }

  function expect(text: string): Token {
    if (!isSymbol(text)) fail(`expected ${quoted(text)} but found ${describe(peek())}`, peek());
    return next();
  }

  function parsePrimary(): Expr {
    const token = next();
    const at = token.offset;
    if (token.kind === 'number')
      return made({ kind: 'number', value: Number(token.text), at }, token);
    if (token.kind === 'duration') {
      const unit = token.text.slice(-1);
      if (!isDurationUnit(unit)) return fail('not a duration', token);
      const amount = Number(token.text.slice(0, -1));
      return made({ kind: 'duration', amount, unit, at }, token);
    }
    if (token.kind === 'symbol' && token.text === '(') {
      const inner = nested(token, parseOr);
      expect(')');
      return inner;
    }
    if (token.kind !== 'name' || (isKeyword(token.text) && !/^(true|false)$/.test(token.text))) {
      return fail(`unexpected ${describe(token)}`, token);
    }
    if (token.text === 'true' || token.text === 'false') {
      return made({ kind: 'boolean', value: token.text === 'true', at }, token);
    }
    if (!isSymbol('(')) return made({ kind: 'input', name: token.text, at }, token);
    next();
    const args: Expr[] = [];
    while (!isSymbol(')')) {
      if (args.length > 0 && !isSymbol(',')) {
        fail(`expected "," or ")" but found ${describe(peek())}`, peek());
      }
      if (args.length > 0) next();
      args.push(nested(token, parseOr));
    }
    next();
    return made({ kind: 'call', name: token.text, args, at }, token, ...args);
  }

  const tree = parseOr();
  if (peek().kind !== 'end') fail(`unexpected ${describe(peek())}`, peek());
  return tree;
}

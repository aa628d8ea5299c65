import { isDurationUnit } from '../duration';
import { ExpressionError, MAX_EXPRESSION_LENGTH, quoted } from './errors';

export type TokenKind = 'number' | 'duration' | 'name' | 'symbol' | 'end';

export interface Token {
  kind: TokenKind;
  /** The source text of the token; for `end`, the empty string. */
  text: string;
  offset: number;
}

const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const TWO_CHAR_SYMBOLS = ['<=', '>=', '==', '!='];
const ONE_CHAR_SYMBOLS = '+-*/%<>(),';

// Operators from other languages get a pointed answer instead of "unexpected character".
const LOOKALIKES: Record<string, string> = {
  '=': 'write == to compare',
  '!': 'write != or not',
  '&&': 'write and',
  '||': 'write or',
  '&': 'write and',
  '|': 'write or',
  '^': 'there is no power operator; multiply, or use sqrt',
};

function match(pattern: RegExp, source: string, offset: number): string | null {
  pattern.lastIndex = offset;
  return pattern.exec(source)?.[0] ?? null;
}

/** Splits an expression into tokens, ending with one `end` token. */
export function tokenize(source: string): Token[] {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `expression is longer than ${MAX_EXPRESSION_LENGTH} characters`,
      source,
      MAX_EXPRESSION_LENGTH,
    );
  }
  const tokens: Token[] = [];
  let offset = 0;
  while (offset < source.length) {
    const char = source.charAt(offset);
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      offset++;
      continue;
    }
    const number = match(NUMBER, source, offset);
    if (number !== null) {
      const token = readNumber(source, offset, number);
      tokens.push(token);
      offset += token.text.length;
      continue;
    }
    const name = match(NAME, source, offset);
    if (name !== null) {
      tokens.push({ kind: 'name', text: name, offset });
      offset += name.length;
      continue;
    }
    const pair = source.slice(offset, offset + 2);
    const symbol = TWO_CHAR_SYMBOLS.includes(pair) ? pair : ONE_CHAR_SYMBOLS.includes(char) && char;
    if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol, offset });
      offset += symbol.length;
      continue;
    }
    const lookalike = LOOKALIKES[pair] ? pair : LOOKALIKES[char] ? char : null;
    const shown = lookalike ?? String.fromCodePoint(source.codePointAt(offset) ?? 0);
    throw new ExpressionError(
      `unexpected character ${quoted(shown)}`,
      source,
      offset,
      lookalike === null ? undefined : LOOKALIKES[lookalike],
    );
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return tokens;
}

/** A number, or a duration when a unit letter is glued to it (`10m`). */
function readNumber(source: string, offset: number, digits: string): Token {
  if (!Number.isFinite(Number(digits))) {
    throw new ExpressionError(`number ${quoted(digits)} is too large`, source, offset);
  }
  const suffix = match(NAME, source, offset + digits.length);
  if (suffix === null) return { kind: 'number', text: digits, offset };
  if (isDurationUnit(suffix)) return { kind: 'duration', text: digits + suffix, offset };
  throw new ExpressionError(
    `${quoted(digits + suffix)} is neither a number nor a duration`,
    source,
    offset,
    'durations are written 30s, 10m, 1h or 2d',
  );
}

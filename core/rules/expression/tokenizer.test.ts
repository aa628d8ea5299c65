import { describe, expect, it } from 'vitest';
import { ExpressionError } from './errors';
import { tokenize } from './tokenizer';

const kinds = (source: string) => tokenize(source).map(({ kind, text }) => `${kind}:${text}`);

function errorOf(source: string): ExpressionError {
  try {
    tokenize(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`no error for ${source}`);
}

describe('tokenize', () => {
  it('splits numbers, durations, names and operators, ending with end', () => {
    expect(kinds('mean(t, 10m) >= 2.5e3 and x!=-1')).toEqual([
      'name:mean',
      'symbol:(',
      'name:t',
      'symbol:,',
      'duration:10m',
      'symbol:)',
      'symbol:>=',
      'number:2.5e3',
      'name:and',
      'name:x',
      'symbol:!=',
      'symbol:-',
      'number:1',
      'end:',
    ]);
  });

  it('reads every duration unit and exponents with signs', () => {
    expect(kinds('30s 10m 1h 2d 1.5h 1e-7 1e+21')).toEqual([
      'duration:30s',
      'duration:10m',
      'duration:1h',
      'duration:2d',
      'duration:1.5h',
      'number:1e-7',
      'number:1e+21',
      'end:',
    ]);
  });

  it('points at unknown characters with line and column, with hints for lookalikes', () => {
    expect(errorOf('a +\n  b = 1').message).toBe(
      'unexpected character "=" at 2:5; write == to compare',
    );
    expect(errorOf('a && b').message).toBe('unexpected character "&&" at 1:3; write and');
    expect(errorOf('x ^ 2').message).toMatch(
      /^unexpected character "\^" at 1:3; there is no power/,
    );
    expect(errorOf('t # comment').position).toEqual({ offset: 2, line: 1, column: 3 });
    expect(errorOf('°C').message).toBe('unexpected character "°" at 1:1');
  });

  it('refuses numbers glued to words that are not units, and infinite numbers', () => {
    expect(errorOf('10min').message).toBe(
      '"10min" is neither a number nor a duration at 1:1; durations are written 30s, 10m, 1h or 2d',
    );
    expect(errorOf('x > 2e').reason).toBe('"2e" is neither a number nor a duration');
    expect(errorOf(`1${'0'.repeat(400)}`).reason).toMatch(/is too large$/);
  });

  it('bounds the length of an expression', () => {
    expect(errorOf('1'.repeat(2001)).message).toBe(
      'expression is longer than 2000 characters at 1:2001',
    );
  });
});

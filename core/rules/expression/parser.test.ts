import { describe, expect, it } from 'vitest';
import { withoutPositions } from './ast';
import { ExpressionError } from './errors';
import { parseExpression } from './parser';
import { printExpression } from './printer';

/** The expression with every operation parenthesised: shows how it was grouped. */
function grouping(source: string): string {
  const show = (expr: ReturnType<typeof parseExpression>): string => {
    switch (expr.kind) {
      case 'binary':
        return `(${show(expr.left)} ${expr.op} ${show(expr.right)})`;
      case 'unary':
        return `(${expr.op === 'not' ? 'not ' : '-'}${show(expr.operand)})`;
      case 'call':
        return `${expr.name}(${expr.args.map(show).join(', ')})`;
      default:
        return printExpression(expr);
    }
  };
  return show(parseExpression(source));
}

function messageOf(source: string): string {
  try {
    parseExpression(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${source}`);
}

describe('parseExpression', () => {
  it('groups by precedence: or < and < not < comparison < + - < * / % < unary minus', () => {
    expect(grouping('a or b and not c < d + e * -f')).toBe(
      '(a or (b and (not (c < (d + (e * (-f)))))))',
    );
    expect(grouping('a - b - c / d % e')).toBe('((a - b) - ((c / d) % e))');
    expect(grouping('-a * b')).toBe('((-a) * b)');
    expect(grouping('not not a == b')).toBe('(not (not (a == b)))');
  });

  it('reads literals, calls with durations and parentheses', () => {
    expect(withoutPositions(parseExpression('mean(t, 1h) > 3'))).toEqual({
      kind: 'binary',
      op: '>',
      left: {
        kind: 'call',
        name: 'mean',
        args: [
          { kind: 'input', name: 't' },
          { kind: 'duration', amount: 1, unit: 'h' },
        ],
      },
      right: { kind: 'number', value: 3 },
    });
    expect(grouping('(a + b) * c')).toBe('((a + b) * c)');
    expect(grouping('max(a, b, 1.5) != false')).toBe('(max(a, b, 1.5) != false)');
  });

  it('keeps the offset of the token that names each node', () => {
    const tree = parseExpression('a +\n b');
    expect(tree).toMatchObject({ at: 2, left: { at: 0 }, right: { at: 5 } });
  });

  it('points at what is wrong', () => {
    expect(messageOf('a +')).toBe('unexpected end of expression at 1:4');
    expect(messageOf('a b')).toBe('unexpected "b" at 1:3');
    expect(messageOf('(a + b')).toBe('expected ")" but found end of expression at 1:7');
    expect(messageOf('max(a b)')).toBe('expected "," or ")" but found "b" at 1:7');
    expect(messageOf('max(a,)')).toBe('unexpected ")" at 1:7');
    expect(messageOf('1 < 2 < 3')).toBe(
      'comparisons cannot be chained at 1:7; combine them with and',
    );
    expect(messageOf('a and or b')).toBe('unexpected "or" at 1:7');
    expect(messageOf('1 + not x')).toBe('unexpected "not" at 1:5');
  });

  it('refuses deep nesting and long chains with one message', () => {
    expect(messageOf(`${'('.repeat(150)}1${')'.repeat(150)}`)).toBe(
      'expression nests too deeply at 1:101',
    );
    expect(messageOf(`${'-'.repeat(150)}1`)).toMatch(/^expression nests too deeply/);
    expect(messageOf(`${'not '.repeat(150)}a`)).toMatch(/^expression nests too deeply/);
    expect(messageOf(`1${' + 1'.repeat(150)}`)).toMatch(/^expression nests too deeply/);
    expect(() => parseExpression(`1${' + 1'.repeat(90)}`)).not.toThrow();
  });
});

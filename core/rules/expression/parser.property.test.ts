import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exprArbitrary, soupArbitrary } from './arbitraries';
import { withoutPositions } from './ast';
import { ExpressionError } from './errors';
import { parseExpression } from './parser';
import { printExpression } from './printer';

/** The parse of `source` as either its tree or the ExpressionError; anything else fails. */
function parseOutcome(source: string): 'tree' | 'error' {
  try {
    parseExpression(source);
    return 'tree';
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const { offset, line, column } = error.position;
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThanOrEqual(source.length);
    expect(line).toBeGreaterThanOrEqual(1);
    expect(column).toBeGreaterThanOrEqual(1);
    expect(error.message.startsWith(error.reason)).toBe(true);
    return 'error';
  }
}

describe('parser properties', () => {
  it('gives a tree or an ExpressionError with a position for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (source) => {
        parseOutcome(source);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives a tree or an ExpressionError for any soup of the language pieces', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(soupArbitrary, (source) => {
        seen.add(parseOutcome(source));
      }),
      { numRuns: 3000 },
    );
    expect(seen).toEqual(new Set(['tree', 'error']));
  });

  it('stays fast on the worst inputs of the maximum length (no hang, no stack overflow)', () => {
    const worst = [
      '('.repeat(2000),
      '-'.repeat(1999) + '1',
      'not '.repeat(499) + 'a',
      'a' + '+a'.repeat(999),
      'f('.repeat(666) + '1',
      '1 < '.repeat(500),
      '((((a)))) and '.repeat(142),
    ];
    for (const source of worst) {
      const started = performance.now();
      expect(parseOutcome(source.slice(0, 2000))).toBe('error');
      expect(performance.now() - started).toBeLessThan(100);
    }
  });

  it('parses a printed tree back to the same tree', () => {
    fc.assert(
      fc.property(exprArbitrary, (tree) => {
        const printed = printExpression(tree);
        const reparsed = parseExpression(printed);
        expect(withoutPositions(reparsed)).toEqual(withoutPositions(tree));
        expect(printExpression(reparsed)).toBe(printed);
      }),
      { numRuns: 3000 },
    );
  });
});

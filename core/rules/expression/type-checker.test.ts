import { describe, expect, it } from 'vitest';
import { ExpressionError } from './errors';
import { checkExpression } from './type-checker';

const INPUTS = ['t', 'rh', 'wind', 'dir'];

function problem(source: string, expected?: 'number' | 'boolean'): string {
  try {
    checkExpression(source, INPUTS, expected);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${source}`);
}

describe('checkExpression', () => {
  it('types expressions and lists the inputs and windows they read', () => {
    const checked = checkExpression(
      'wind > 10 and abs(dir - 180) < 45 or delta(t, 1h) > 3',
      INPUTS,
    );
    expect(checked.type).toBe('boolean');
    expect(checked.inputs).toEqual(['wind', 'dir', 't']);
    expect(checked.windows).toEqual([{ fn: 'delta', input: 't', ms: 3_600_000 }]);
    expect(checkExpression('min(t, 30m) + max(rh, wind) * -1', INPUTS)).toMatchObject({
      type: 'number',
      windows: [{ fn: 'min', input: 't', ms: 1_800_000 }],
    });
    expect(checkExpression('true == (t > 1)', INPUTS).type).toBe('boolean');
  });

  it('names an unknown input where it is, with the known ones', () => {
    expect(problem('1 + tmp')).toBe('unknown input "tmp" at 1:5; inputs: t, rh, wind, dir');
    expect(problem('mean(tmp, 1h)')).toMatch(/^unknown input "tmp" at 1:6/);
  });

  it('refuses mixed types with the position of the wrong operand or operator', () => {
    expect(problem('t + (rh > 1)')).toBe('expected a number, found a boolean at 1:9');
    expect(problem('not t')).toBe('expected a boolean, found a number at 1:5');
    expect(problem('t and rh > 1')).toBe('expected a boolean, found a number at 1:1');
    expect(problem('t == true')).toBe('== compares a number with a boolean at 1:3');
    expect(problem('t + 1', 'boolean')).toBe(
      'expected a boolean expression, found a number one at 1:3',
    );
  });

  it('checks functions: names, arity, windows', () => {
    expect(problem('foo(t)')).toBe(
      'unknown function "foo" at 1:1; functions: abs, count, delta, max, mean, min, round, sqrt, stddev, sum',
    );
    expect(problem('abs(t, rh)')).toBe('abs takes 1 argument, not 2 at 1:1');
    expect(problem('min(t)')).toBe(
      'min takes 2 to 16 arguments, not 1 at 1:1; or an input and a window: min(t, 1h)',
    );
    expect(problem('mean(t)')).toBe('mean takes an input and a window at 1:1; e.g. mean(t, 1h)');
    expect(problem('mean(t + 1, 1h)')).toBe(
      'mean over a window needs an input name first at 1:8; e.g. mean(t, 1h)',
    );
    expect(problem('mean(t, 40d)')).toBe('a window lasts from 1s to 31d at 1:9');
    expect(problem('t > 1h')).toBe(
      'a duration only goes in a window function at 1:5; e.g. mean(t, 1h)',
    );
    expect(problem('abs(1h)')).toMatch(/^a duration only goes in a window function at 1:5/);
  });

  it('reports parse errors as they are', () => {
    expect(problem('t >')).toBe('unexpected end of expression at 1:4');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineSplitter } from './lines';
import { cutsArbitrary, feedAll, splitAt } from './test-support';

function lines(chunks: string[], max = 100) {
  return feedAll(createLineSplitter(max), chunks);
}

describe('createLineSplitter', () => {
  it('splits on LF and CRLF, drops a leading BOM, keeps a last line without break', () => {
    expect(lines(['\uFEFFa\r\nb\n\nc'])).toEqual([
      { number: 1, text: 'a', tooLong: false },
      { number: 2, text: 'b', tooLong: false },
      { number: 3, text: '', tooLong: false },
      { number: 4, text: 'c', tooLong: false },
    ]);
  });

  it('keeps a BOM that is not at the start and drops one in a later first chunk', () => {
    expect(lines(['', '\uFEFFa\n\uFEFFb'])).toEqual([
      { number: 1, text: 'a', tooLong: false },
      { number: 2, text: '\uFEFFb', tooLong: false },
    ]);
  });

  it('joins a CRLF split between chunks', () => {
    expect(lines(['a\r', '\nb'])).toEqual([
      { number: 1, text: 'a', tooLong: false },
      { number: 2, text: 'b', tooLong: false },
    ]);
  });

  it('reports a line longer than the limit without keeping it, and goes on', () => {
    expect(lines(['x'.repeat(5), 'x'.repeat(5), '\r\nok\n', 'y'.repeat(7)], 6)).toEqual([
      { number: 1, text: '', tooLong: true },
      { number: 2, text: 'ok', tooLong: false },
      { number: 3, text: '', tooLong: true },
    ]);
  });

  it('accepts a line of exactly the limit followed by CRLF across chunks', () => {
    expect(lines(['abcdef\r', '\n'], 6)).toEqual([{ number: 1, text: 'abcdef', tooLong: false }]);
  });

  it('gives the same lines for any chunking', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', '\r', '\n', '\uFEFF'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, cutsArbitrary, (body, cuts) => {
        expect(lines(splitAt(body, cuts), 8)).toEqual(lines([body], 8));
      }),
    );
  });
});

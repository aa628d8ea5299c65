/** One line of text, without its line end; `tooLong` lines carry no text. */
export interface Line {
  /** 1-based physical line number. */
  number: number;
  text: string;
  tooLong: boolean;
}

export interface LineSplitter {
  feed(chunk: string): Line[];
  end(): Line[];
}

const BYTE_ORDER_MARK = 0xfeff;

/**
 * Splits streamed text into lines: lines may span chunks, `\r\n` and `\n` both end a line,
 * a byte order mark at the very start is dropped. A line longer than `maxLineLength` is
 * reported as `tooLong` and its text discarded as it arrives, so memory stays bounded.
 */
export function createLineSplitter(maxLineLength: number): LineSplitter {
  let pending = '';
  let overflowing = false;
  let started = false;
  let lineNumber = 0;

  function complete(rest: string, out: Line[]): void {
    let text = overflowing ? '' : pending + rest;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const tooLong = overflowing || text.length > maxLineLength;
    out.push({ number: ++lineNumber, text: tooLong ? '' : text, tooLong });
    pending = '';
    overflowing = false;
  }

  function keep(partial: string): void {
    if (overflowing) return;
    pending += partial;
    // One extra character: the line may still end in the `\r` of a `\r\n`.
    if (pending.length > maxLineLength + 1) {
      pending = '';
      overflowing = true;
    }
  }

  return {
    feed(chunk) {
      const out: Line[] = [];
      let start = 0;
      if (!started && chunk.length > 0) {
        started = true;
        if (chunk.charCodeAt(0) === BYTE_ORDER_MARK) start = 1;
      }
      for (;;) {
        const newline = chunk.indexOf('\n', start);
        if (newline === -1) break;
        complete(chunk.slice(start, newline), out);
        start = newline + 1;
      }
      if (start < chunk.length) keep(chunk.slice(start));
      return out;
    },
    end() {
      const out: Line[] = [];
      if (pending.length > 0 || overflowing) complete('', out);
      return out;
    },
  };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, reportCsv } from './report-csv';
import { hostile, sampleReport } from './sample-report.fixture';

/** A strict RFC 4180 reader, to read back what the writer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') {
      quoted = false;
    } else if (quoted) {
      field += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

describe('report as CSV', () => {
  it('quotes fields so any text reads back as written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }),
        (cells) => {
          const line = `${cells.map(csvField).join(',')}\r\n`;
          const expected = cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c));
          expect(parseCsv(line)).toEqual([expected]);
        },
      ),
    );
  });

  it('has one row per datastream statistics, finding and comparison, numbers unquoted', () => {
    const rows = parseCsv(reportCsv(sampleReport));
    expect(rows.map((r) => r[0])).toEqual(['type', 'statistics', 'finding', 'comparison']);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    expect(rows[1]).toEqual(
      expect.arrayContaining(['sattelberg.aws.air_temperature', '-3.5', '0.5']),
    );
    expect(rows[2]!.at(-1)).toBe(hostile);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../infra/db/postgres';
import type { Database } from '../../infra/db/types';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/postgres';
import { sharedData } from '../support/server';
import { firn } from '../support/station-process';

/** Present and missing cells counted the simplest way, independent of the importer's parser. */
function countCells(file: string, skipColumns: string[], missingMarks: string[]) {
  const [header, ...lines] = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const names = (header as string).split(';').map((n) => n.trim());
  let present = 0;
  let missing = 0;
  for (const line of lines) {
    line.split(';').forEach((cell, i) => {
      if (skipColumns.includes(names[i] as string)) return;
      if (missingMarks.includes(cell.trim())) missing += 1;
      else present += 1;
    });
  }
  return { present, missing };
}

const files = [
  ...fs.readdirSync(path.join(sharedData, 'sattelberg')).map((name) => ({
    file: path.join(sharedData, 'sattelberg', name),
    expected: () =>
      countCells(path.join(sharedData, 'sattelberg', name), ['timestamp'], ['NA', '']),
  })),
  ...fs.readdirSync(path.join(sharedData, 'zugspitze_dwd_daily')).map((name) => ({
    file: path.join(sharedData, 'zugspitze_dwd_daily', name),
    expected: () =>
      countCells(
        path.join(sharedData, 'zugspitze_dwd_daily', name),
        ['STATIONS_ID', 'MESS_DATUM', 'QN_3', 'QN_4', 'eor'],
        ['-999'],
      ),
  })),
];

describe('firn import of the real station files', () => {
  let throwaway: ThrowawayDatabase;
  let db: Database;
  beforeAll(async () => {
    throwaway = await createThrowawayDatabase();
    db = openPostgres(throwaway.url);
  });
  afterAll(async () => {
    await db.close();
    await throwaway.drop();
  });

  it.each(files)(
    'stores every present value of $file and reports NA/-999 as missing',
    ({ file, expected }) => {
      const counts = expected();
      const report = JSON.parse(firn(['import', file, '--json'], { DATABASE_URL: throwaway.url }));
      expect(report).toMatchObject({
        stored: counts.present,
        missing: counts.missing,
        rejected: 0,
        duplicates: 0,
      });
    },
  );

  it('stored exactly the present values, never a missing mark as a number', async () => {
    const total = files.reduce((sum, f) => sum + f.expected().present, 0);
    const { rows } = await db.query<{ n: number; marks: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE value = -999 OR value = 'NaN')::int AS marks FROM observations`,
    );
    expect(rows[0]).toEqual({ n: total, marks: 0 });
    const first = await db.query<{ value: number }>(
      `SELECT value FROM observations o JOIN datastreams d ON d.id = o.datastream_id
       WHERE d.key = 'sattelberg.aws_hourly.air_temperature' AND o.time = '2006-01-01T01:00:00Z'`,
    );
    expect(first.rows[0]?.value).toBe(-7.8);
  });

  it('stores nothing twice when a file is imported again', () => {
    const file = files[0]?.file as string;
    const report = JSON.parse(firn(['import', file, '--json'], { DATABASE_URL: throwaway.url }));
    expect(report.stored).toBe(0);
    expect(report.duplicates).toBe(files[0]?.expected().present);
  });
});

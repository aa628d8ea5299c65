import type { Datastream, Station } from '../../core/domain/station';
import type { DatastreamSummary } from '../../core/contracts/http';
import type { Queryable } from '../../infra/db/types';

export interface NewDatastream {
  station: string;
  instrument: string;
  variable: string;
  unit: string;
  cadenceSeconds: number | null;
  description: string | null;
}

export async function upsertStation(db: Queryable, station: Station): Promise<void> {
  await db.query(
    `INSERT INTO stations (id, name, latitude, longitude, altitude) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, latitude = EXCLUDED.latitude,
       longitude = EXCLUDED.longitude, altitude = EXCLUDED.altitude`,
    [station.id, station.name, station.latitude, station.longitude, station.altitude],
  );
}

export async function upsertInstrument(
  db: Queryable,
  station: string,
  id: string,
  name: string,
): Promise<void> {
  await db.query(
    `INSERT INTO instruments (station_id, id, name) VALUES ($1, $2, $3)
     ON CONFLICT (station_id, id) DO UPDATE SET name = EXCLUDED.name`,
    [station, id, name],
  );
}

/** Adds or updates a datastream; its key is derived from station, instrument and variable. */
export async function upsertDatastream(db: Queryable, d: NewDatastream): Promise<string> {
  const key = `${d.station}.${d.instrument}.${d.variable}`;
  await db.query(
    `INSERT INTO datastreams (key, station_id, instrument_id, variable, unit, cadence_seconds, description)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (key) DO UPDATE SET unit = EXCLUDED.unit, cadence_seconds = EXCLUDED.cadence_seconds,
       description = COALESCE(EXCLUDED.description, datastreams.description)`,
    [key, d.station, d.instrument, d.variable, d.unit, d.cadenceSeconds, d.description],
  );
  return key;
}

export async function listStations(db: Queryable): Promise<Station[]> {
  const { rows } = await db.query<Station>(
    'SELECT id, name, latitude, longitude, altitude FROM stations ORDER BY id',
  );
  return rows;
}

export async function stationExists(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM stations WHERE id = $1', [id]);
  return rows.length > 0;
}

const datastreamColumns = `d.key, d.station_id AS station, d.instrument_id AS instrument, d.variable,
  d.unit, d.cadence_seconds AS "cadenceSeconds", d.description`;

export async function getDatastream(
  db: Queryable,
  key: string,
): Promise<(Datastream & { id: number }) | undefined> {
  const { rows } = await db.query<Datastream & { id: number }>(
    `SELECT d.id, ${datastreamColumns} FROM datastreams d WHERE d.key = $1`,
    [key],
  );
  return rows[0];
}

/** Every datastream with its latest observation; one index probe per datastream. */
export async function listDatastreamSummaries(db: Queryable): Promise<DatastreamSummary[]> {
  const { rows } = await db.query<DatastreamSummary & { lastTimeMs: number | null }>(
    `SELECT ${datastreamColumns}, last.time_ms AS "lastTimeMs", last.value AS "lastValue",
       (SELECT count(*)::int FROM observations o WHERE o.datastream_id = d.id) AS count
     FROM datastreams d
     LEFT JOIN LATERAL (
       SELECT (extract(epoch FROM o.time) * 1000)::float8 AS time_ms, o.value FROM observations o
       WHERE o.datastream_id = d.id ORDER BY o.time DESC LIMIT 1
     ) last ON true
     ORDER BY d.key`,
  );
  return rows.map(({ lastTimeMs, ...row }) => ({
    ...row,
    lastTime: lastTimeMs === null ? null : new Date(lastTimeMs).toISOString(),
  }));
}

/** Maps datastream keys to their id and station, for the keys that exist. */
export async function resolveDatastreamKeys(
  db: Queryable,
  keys: string[],
): Promise<Map<string, { id: number; station: string }>> {
  const { rows } = await db.query<{ key: string; id: number; station: string }>(
    'SELECT key, id, station_id AS station FROM datastreams WHERE key = ANY($1::text[])',
    [toTextArray(keys)],
  );
  return new Map(rows.map((row) => [row.key, { id: row.id, station: row.station }]));
}

/** A PostgreSQL array literal; both backends take it as a text parameter. */
export function toTextArray(values: readonly (string | null)[]): string {
  const items = values.map((value) =>
    value === null ? 'NULL' : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  );
  return `{${items.join(',')}}`;
}

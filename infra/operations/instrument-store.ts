import { instrumentSpecSchema, type InstrumentSpec } from '../../core/contracts/operations';
import type { Queryable } from '../db/types';

/** An operable instrument with where its station is and whether somebody is there. */
export interface StoredInstrument {
  spec: InstrumentSpec;
  station: { id: string; latitude: number | null; longitude: number | null };
  staffed: boolean;
}

/**
 * Registers the catalogue's instruments whose station exists (the catalogue file is the
 * source of truth: a changed spec replaces the stored one). Returns the ids registered.
 */
export async function syncInstruments(
  db: Queryable,
  specs: readonly InstrumentSpec[],
): Promise<string[]> {
  const registered: string[] = [];
  for (const spec of specs) {
    const { affected } = await db.query(
      `INSERT INTO operable_instruments (id, station_id, spec)
       SELECT $1, id, $3 FROM stations WHERE id = $2
       ON CONFLICT (id) DO UPDATE SET spec = EXCLUDED.spec, updated_at = now()`,
      [spec.id, spec.station, JSON.stringify(spec)],
    );
    if (affected > 0) registered.push(spec.id);
  }
  return registered;
}

interface InstrumentRow {
  spec: unknown;
  station_id: string;
  latitude: number | null;
  longitude: number | null;
  staffed: boolean | null;
}

const select = `SELECT i.spec, i.station_id, s.latitude, s.longitude, st.staffed
  FROM operable_instruments i JOIN stations s ON s.id = i.station_id
  LEFT JOIN station_staffing st ON st.station_id = i.station_id`;

/** A row whose spec does not parse (written by hand, or by an older catalogue) is left out. */
const toInstrument = (row: InstrumentRow): StoredInstrument | undefined => {
  const spec = instrumentSpecSchema.safeParse(row.spec);
  if (!spec.success) return undefined;
  return {
    spec: spec.data,
    station: { id: row.station_id, latitude: row.latitude, longitude: row.longitude },
    staffed: row.staffed ?? false,
  };
};

export async function listInstruments(db: Queryable): Promise<StoredInstrument[]> {
  const { rows } = await db.query<InstrumentRow>(`${select} ORDER BY i.id`);
  return rows.map(toInstrument).filter((i): i is StoredInstrument => i !== undefined);
}

export async function findInstrument(
  db: Queryable,
  id: string,
): Promise<StoredInstrument | undefined> {
  const { rows } = await db.query<InstrumentRow>(`${select} WHERE i.id = $1`, [id]);
  return rows[0] && toInstrument(rows[0]);
}

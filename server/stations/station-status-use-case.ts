import {
  datastreamState,
  LATE_FACTOR,
  SILENT_FACTOR,
  worstState,
  type DatastreamStatus,
  type StationStatus,
  type StationsStatusResponse,
} from '../../core/contracts/stations';
import type { Queryable } from '../../infra/db/types';
import { listStations } from '../catalog/catalog-repository';
import {
  countOpenQuarantine,
  readDatastreamFigures,
  type DatastreamFigures,
} from './station-status-repository';

const HOUR_MS = 3_600_000;

export interface StatusLimits {
  windowMs: number;
  maxRowsPerDatastream: number;
  cadenceSample: number;
  maxQuarantineRows: number;
}

export const DEFAULT_STATUS_LIMITS: StatusLimits = {
  windowMs: 24 * HOUR_MS,
  // 24 h of a 10-s stream; a faster one is judged over its latest 10,000 rows.
  maxRowsPerDatastream: 10_000,
  cadenceSample: 100,
  maxQuarantineRows: 100_000,
};

/** The Stations page in one answer: a few bounded queries, judged here. */
export async function getStationsStatus(
  db: Queryable,
  nowMs: number = Date.now(),
  limits: StatusLimits = DEFAULT_STATUS_LIMITS,
): Promise<StationsStatusResponse> {
  const [stations, figures] = await Promise.all([
    listStations(db),
    readDatastreamFigures(db, {
      nowMs,
      windowMs: limits.windowMs,
      maxRows: limits.maxRowsPerDatastream,
      cadenceSample: limits.cadenceSample,
    }),
  ]);
  const quarantine = await countOpenQuarantine(
    db,
    new Set(stations.map((s) => s.id)),
    limits.maxQuarantineRows,
  );
  const byStation = new Map<string, StationStatus>(
    stations.map((s) => [
      s.id,
      {
        id: s.id,
        name: s.name,
        state: 'no-data',
        quarantinedOpen: quarantine.byStation.get(s.id) ?? 0,
        instruments: [],
      },
    ]),
  );
  for (const row of figures) {
    const station = byStation.get(row.station);
    if (!station) continue;
    let instrument = station.instruments.find((i) => i.id === row.instrument);
    if (!instrument) {
      instrument = { id: row.instrument, name: row.instrumentName, datastreams: [] };
      station.instruments.push(instrument);
    }
    instrument.datastreams.push(judge(row, nowMs, limits));
  }
  for (const station of byStation.values()) {
    station.state = worstState(
      station.instruments.flatMap((i) => i.datastreams.map((d) => d.state)),
    );
  }
  return {
    generatedAt: new Date(nowMs).toISOString(),
    windowHours: limits.windowMs / HOUR_MS,
    lateFactor: LATE_FACTOR,
    silentFactor: SILENT_FACTOR,
    stations: [...byStation.values()],
    quarantine: {
      open: quarantine.open,
      unattributed: quarantine.unattributed,
      capped: quarantine.capped,
    },
  };
}

function judge(row: DatastreamFigures, nowMs: number, limits: StatusLimits): DatastreamStatus {
  const estimated =
    row.estimatedCadence !== null && row.estimatedCadence > 0 ? row.estimatedCadence : null;
  const cadenceSeconds = row.catalogCadence ?? estimated;
  const ageSeconds = row.lastTimeMs === null ? null : Math.max(0, (nowMs - row.lastTimeMs) / 1000);
  const capped = row.examined >= limits.maxRowsPerDatastream && row.oldestExaminedMs !== null;
  const windowStartMs = capped ? (row.oldestExaminedMs as number) : nowMs - limits.windowMs;
  // When the cap cut the window inside the last hour, the hour's rate is what was examined
  // over the time it spans (a fast stream), not the capped count.
  const spanMs = nowMs - windowStartMs;
  const ratePerHour =
    capped && spanMs < HOUR_MS ? (row.examined * HOUR_MS) / spanMs : row.inLastHour;
  return {
    key: row.key,
    variable: row.variable,
    unit: row.unit,
    cadenceSeconds,
    cadenceSource:
      row.catalogCadence !== null ? 'metadata' : estimated !== null ? 'estimated' : 'unknown',
    lastTime: row.lastTimeMs === null ? null : new Date(row.lastTimeMs).toISOString(),
    lastValue: row.lastValue,
    ageSeconds,
    state: datastreamState(ageSeconds, cadenceSeconds),
    ratePerHour,
    gaps: { count: row.gapCount, longestSeconds: row.longestGap },
    examined: row.examined,
    windowStart: new Date(windowStartMs).toISOString(),
  };
}

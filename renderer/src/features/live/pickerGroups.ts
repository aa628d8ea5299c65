import type { DatastreamSummary } from '../../../../core/contracts/http';
import type { Station } from '../../../../core/domain/station';

export interface InstrumentGroup {
  id: string;
  cadenceSeconds: number | null;
  datastreams: DatastreamSummary[];
}

export interface StationGroup {
  id: string;
  name: string;
  altitude: number | null;
  instruments: InstrumentGroup[];
}

/**
 * Datastreams by station (catalog order, unknown stations last) and instrument, sorted by
 * variable, keeping those that match every word of the filter.
 */
export function groupByStation(
  stations: readonly Station[],
  datastreams: readonly DatastreamSummary[],
  filter: string,
): StationGroup[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, StationGroup>();
  for (const station of stations) {
    const { id, name, altitude } = station;
    groups.set(id, { id, name, altitude, instruments: [] });
  }
  for (const ds of datastreams) {
    let group = groups.get(ds.station);
    if (!group) {
      group = { id: ds.station, name: ds.station, altitude: null, instruments: [] };
      groups.set(ds.station, group);
    }
    const haystack = `${group.name} ${ds.key} ${ds.unit} ${ds.description ?? ''}`.toLowerCase();
    if (!words.every((word) => haystack.includes(word))) continue;
    let instrument = group.instruments.find((i) => i.id === ds.instrument);
    if (!instrument) {
      instrument = { id: ds.instrument, cadenceSeconds: ds.cadenceSeconds, datastreams: [] };
      group.instruments.push(instrument);
    }
    instrument.datastreams.push(ds);
  }
  return [...groups.values()]
    .filter((group) => group.instruments.length > 0)
    .map((group) => ({
      ...group,
      instruments: group.instruments
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((i) => ({
          ...i,
          datastreams: i.datastreams.sort((a, b) => a.variable.localeCompare(b.variable)),
        })),
    }));
}

/** "10 min", "1 h", "1 d": an instrument's cadence as people say it. */
export function formatCadence(seconds: number | null): string {
  if (!seconds) return 'irregular';
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

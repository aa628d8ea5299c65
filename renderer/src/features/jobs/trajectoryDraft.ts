import { z } from 'zod';
import type { DatastreamSummary } from '../../../../core/contracts/http';
import type { Station } from '../../../../core/domain/station';
import { dispersionParametersSchema } from '../../../../core/simulation/parameters';
import type { TimeRange } from '../../state/selection';
import type { JobByHand } from './jobsApi';

/** The back-trajectory form as typed: numbers as numbers, the release end as UTC text. */
export interface TrajectoryDraft {
  station: string;
  speed: string;
  direction: string;
  /** `YYYY-MM-DDTHH:mm`, UTC (the desk speaks UTC). */
  releaseEnd: string;
  releaseHours: number;
  durationHours: number;
  particleCount: number;
  outputIntervalHours: number;
}

const HOUR = 3_600_000;
/** ± this many degrees around the station: a release box of about 2 km, as rules use. */
const BOX_HALF_DEG = 0.01;

/** The form's own bounds (1 h to 9 days back), before the model's checks. */
const draftSchema = z.object({
  station: z.string().min(1, 'choose a station'),
  speed: z.string().min(1, 'choose the wind speed datastream'),
  direction: z.string().min(1, 'choose the wind direction datastream'),
  releaseEnd: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/, 'a date and time (UTC)'),
  durationHours: z.number().min(1).max(216),
});

/** Wind datastreams of a station: speed in m/s, direction in degrees. */
export function windChoices(datastreams: readonly DatastreamSummary[], station: string) {
  const own = datastreams.filter((d) => d.station === station);
  return {
    speed: own.filter((d) => d.unit === 'm/s').map((d) => d.key),
    direction: own.filter((d) => d.unit === 'deg' || d.unit === '°').map((d) => d.key),
  };
}

export function utcInputValue(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** A draft for a station: its wind, ending at the newest hour of wind data (or now). */
export function draftForStation(
  base: Omit<TrajectoryDraft, 'station' | 'speed' | 'direction'>,
  station: string,
  datastreams: readonly DatastreamSummary[],
  now: number,
): TrajectoryDraft {
  const wind = windChoices(datastreams, station);
  const speed = wind.speed.find((k) => k.endsWith('wind_speed')) ?? wind.speed[0] ?? '';
  const direction =
    wind.direction.find((k) => k.endsWith('wind_direction')) ?? wind.direction[0] ?? '';
  const last = datastreams.find((d) => d.key === speed)?.lastTime;
  const end = Math.floor((last ? Date.parse(last) : now) / HOUR) * HOUR;
  return { ...base, station, speed, direction, releaseEnd: utcInputValue(end) };
}

export const DRAFT_DEFAULTS = {
  releaseEnd: '',
  releaseHours: 1,
  durationHours: 24,
  particleCount: 10_000,
  outputIntervalHours: 2,
};

/** The release ends where the range in view ends; the run goes back over the whole range. */
export function draftFromRange(draft: TrajectoryDraft, range: TimeRange): TrajectoryDraft {
  const hours = Math.round((range.to - range.from) / HOUR);
  return {
    ...draft,
    releaseEnd: utcInputValue(Math.floor(range.to / 60_000) * 60_000),
    durationHours: Math.min(216, Math.max(1, hours)),
  };
}

export type DraftCheck = { ok: true; request: JobByHand } | { ok: false; errors: string[] };

/** The form's words for the fields the schemas name, so a message points at a field. */
const FIELD_LABELS: Record<string, string> = {
  station: 'Station',
  speed: 'Wind speed',
  direction: 'Wind direction',
  releaseEnd: 'Release ends',
  releaseStart: 'Release over',
  durationHours: 'Hours back',
  particleCount: 'Particles',
  outputIntervalHours: 'Output every',
  timeStepSeconds: 'Output every',
};

const issuesOf = (error: z.ZodError) =>
  error.issues.map((i) => {
    const path = i.path.join('.');
    return `${FIELD_LABELS[path] ?? (path || 'form')}: ${i.message}`;
  });

/** The job a draft asks for, checked with the model's own schema, or what is wrong with it. */
export function draftToRequest(draft: TrajectoryDraft, stations: readonly Station[]): DraftCheck {
  const form = draftSchema.safeParse(draft);
  if (!form.success) return { ok: false, errors: issuesOf(form.error) };
  const station = stations.find((s) => s.id === draft.station);
  if (station?.latitude == null || station.longitude == null) {
    return { ok: false, errors: [`Station: ${draft.station} has no position in the catalog`] };
  }
  const releaseEnd = Date.parse(`${draft.releaseEnd}:00Z`);
  const model = {
    direction: 'backward',
    durationHours: draft.durationHours,
    particleCount: draft.particleCount,
    station: { latitude: station.latitude, longitude: station.longitude },
    releaseBox: {
      west: station.longitude - BOX_HALF_DEG,
      east: station.longitude + BOX_HALF_DEG,
      south: station.latitude - BOX_HALF_DEG,
      north: station.latitude + BOX_HALF_DEG,
      bottom: 0,
      top: 500,
    },
    releaseStart: releaseEnd - draft.releaseHours * HOUR,
    releaseEnd,
    outputIntervalHours: draft.outputIntervalHours,
  };
  const checked = dispersionParametersSchema.safeParse(model);
  if (!checked.success) return { ok: false, errors: issuesOf(checked.error) };
  return {
    ok: true,
    request: {
      queue: 'jobs.cod',
      type: 'backward-dispersion',
      params: { model, wind: { speed: draft.speed, direction: draft.direction } },
    },
  };
}

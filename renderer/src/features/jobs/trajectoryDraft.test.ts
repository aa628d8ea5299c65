import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatastreamSummary } from '../../../../core/contracts/http';
import type { Station } from '../../../../core/domain/station';
import { dispersionParametersSchema } from '../../../../core/simulation/parameters';
import {
  DRAFT_DEFAULTS,
  draftForStation,
  draftFromRange,
  draftToRequest,
  windChoices,
  type TrajectoryDraft,
} from './trajectoryDraft';

const stations: Station[] = [
  { id: 'sattelberg', name: 'Sattelberg', latitude: 47.01, longitude: 11.48, altitude: 2107 },
  { id: 'nowhere', name: 'Nowhere', latitude: null, longitude: null, altitude: null },
];
const stream = (key: string, unit: string, lastTime: string | null = null): DatastreamSummary => {
  const [station = '', instrument = '', variable = ''] = key.split('.');
  const base = { key, station, instrument, variable, unit, cadenceSeconds: 600 };
  return { ...base, description: null, lastTime, lastValue: null, count: 0 };
};
const datastreams = [
  stream('sattelberg.aws.gust_speed', 'm/s'),
  stream('sattelberg.aws.wind_speed', 'm/s', '2017-03-04T13:40:00.000Z'),
  stream('sattelberg.aws.wind_direction', 'deg'),
  stream('sattelberg.aws.air_temperature', 'degC'),
];
const draft: TrajectoryDraft = draftForStation(DRAFT_DEFAULTS, 'sattelberg', datastreams, 0);

describe('the back-trajectory draft', () => {
  it('offers the station wind and ends at the newest whole hour of it', () => {
    expect(windChoices(datastreams, 'sattelberg').direction).toEqual([
      'sattelberg.aws.wind_direction',
    ]);
    expect(draft).toMatchObject({
      speed: 'sattelberg.aws.wind_speed',
      direction: 'sattelberg.aws.wind_direction',
      releaseEnd: '2017-03-04T13:00',
      durationHours: 24,
      particleCount: 10_000,
    });
  });

  it('becomes the parameters a rule action sends, in UTC, around the station', () => {
    const check = draftToRequest({ ...draft, releaseHours: 2 }, stations);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.request).toMatchObject({ queue: 'jobs.cod', type: 'backward-dispersion' });
    const params = check.request.params as { model: unknown; wind: unknown };
    expect(params.wind).toEqual({
      speed: 'sattelberg.aws.wind_speed',
      direction: 'sattelberg.aws.wind_direction',
    });
    const model = dispersionParametersSchema.parse(params.model);
    expect(model.releaseEnd).toBe(Date.UTC(2017, 2, 4, 13));
    expect(model.releaseStart).toBe(Date.UTC(2017, 2, 4, 11));
    expect(model.station).toEqual({ latitude: 47.01, longitude: 11.48 });
    expect(model.releaseBox.west).toBeLessThan(11.48);
    expect(model.releaseBox.east).toBeGreaterThan(11.48);
  });

  it('names what is wrong: bounds, missing choices, a station without position', () => {
    const errors = (patch: Partial<TrajectoryDraft>) => {
      const check = draftToRequest({ ...draft, ...patch }, stations);
      return check.ok ? [] : check.errors;
    };
    expect(errors({ durationHours: 217 })).toEqual([expect.stringMatching(/^Hours back:/)]);
    expect(errors({ durationHours: 0.5 })).toEqual([expect.stringMatching(/^Hours back:/)]);
    expect(errors({ speed: '' })).toEqual(['Wind speed: choose the wind speed datastream']);
    expect(errors({ releaseEnd: 'soon' })).toEqual(['Release ends: a date and time (UTC)']);
    expect(errors({ station: 'nowhere' })[0]).toMatch(/no position/);
    expect(errors({ releaseHours: 30 })[0]).toMatch(/release window is longer than the run/);
    expect(errors({ particleCount: Number.NaN })[0]).toMatch(/^Particles:/);
  });

  it('takes the Live range: release at its end, back over all of it, within 9 days', () => {
    const hour = 3_600_000;
    const to = Date.UTC(2017, 2, 4, 18, 30, 45);
    expect(draftFromRange(draft, { from: to - 6 * hour, to })).toMatchObject({
      releaseEnd: '2017-03-04T18:30',
      durationHours: 6,
    });
    expect(draftFromRange(draft, { from: to - 30 * 24 * hour, to }).durationHours).toBe(216);
  });

  it('accepts exactly the drafts whose numbers are in the documented bounds', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 300, noNaN: true }),
        fc.integer({ min: -5, max: 2_000_000 }),
        (durationHours, particleCount) => {
          const check = draftToRequest(
            { ...draft, durationHours, particleCount, releaseHours: 0.5, outputIntervalHours: 1 },
            stations,
          );
          const valid =
            durationHours >= 1 &&
            durationHours <= 216 &&
            particleCount >= 1 &&
            particleCount <= 1_000_000;
          return check.ok === valid;
        },
      ),
    );
  });
});

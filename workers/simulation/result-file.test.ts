import { describe, expect, it } from 'vitest';
import { simulationResultSchema } from '../../core/contracts/simulation-result';
import {
  ConstantWind,
  dispersionParametersSchema,
  runDispersion,
  windComponents,
} from '../../core/simulation/index';
import { resultFileOf } from './result-file';

const HOUR = 3_600_000;
const END = Date.UTC(2017, 0, 2);
const station = { latitude: 47.01083, longitude: 11.47889 };
const parameters = dispersionParametersSchema.parse({
  durationHours: 6,
  particleCount: 400,
  station,
  releaseBox: {
    west: station.longitude - 0.005,
    east: station.longitude + 0.005,
    south: station.latitude - 0.005,
    north: station.latitude + 0.005,
    bottom: 0,
    top: 100,
  },
  // Particles leave over the last hour: at the first outputs the late ones are not out yet.
  releaseStart: END - HOUR,
  releaseEnd: END,
  outputIntervalHours: 1,
  seed: 7,
  // A small grid: a southerly wind carries particles off it within the run.
  grid: { extentKm: 60, resolutionKm: 4, groundLayerHeightM: 100 },
  trajectorySampleSize: 20,
});
const southerly = new ConstantWind({ ...windComponents(8, 180), w: 0 });

describe('the result file of a dispersion run', () => {
  const result = runDispersion(parameters, southerly);
  const file = resultFileOf(result);
  const parsed = simulationResultSchema.parse(JSON.parse(JSON.stringify(file)));

  it('holds one column per sampled particle, one row per output time', () => {
    expect(parsed.paths.timesMs).toHaveLength(6);
    expect(parsed.paths.trajectories).toHaveLength(20);
    for (const path of parsed.paths.trajectories) {
      expect(path.x).toHaveLength(6);
      expect(path.y).toHaveLength(6);
    }
    // Column s of the model's rows is particle s.
    expect(parsed.paths.trajectories[3]?.y[0]).toBe(
      Number.isFinite(result.paths.y[3]) ? Math.round(result.paths.y[3] as number) : null,
    );
  });

  it('writes whole metres, and null where a particle is not out or has left the grid', () => {
    const values = parsed.paths.trajectories.flatMap((p) => [...p.x, ...p.y]);
    const finite = values.filter((v): v is number => v !== null);
    expect(finite.length).toBeGreaterThan(0);
    expect(finite.every(Number.isInteger)).toBe(true);
    // 8 m/s for 6 h is ~170 km: everything has left the 60 km grid by the end.
    expect(values.some((v) => v === null)).toBe(true);
    expect(parsed.paths.trajectories.every((p) => p.y.at(-1) === null)).toBe(true);
  });

  it('names the station and the release window and keeps the footprint and summary', () => {
    expect(parsed.station).toEqual(station);
    expect(parsed.release).toEqual({ startMs: END - HOUR, endMs: END });
    expect(parsed.residenceSeconds).toHaveLength(15 * 15);
    expect(parsed.residenceSeconds.reduce<number>((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(0);
    expect(parsed.summary).toMatchObject({ status: 'completed', particles: { total: 400 } });
  });
});

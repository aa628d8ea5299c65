import { describe, expect, it } from 'vitest';
import { runDispersion } from './dispersion';
import { MeasuredWind } from './measured-wind';
import { windComponents, type WindVector } from './wind-field';

const MIN = 60_000;
const out = (): WindVector => ({ u: 0, v: 0, w: 0 });

describe('windComponents', () => {
  it('follows the meteorological convention: the direction the wind comes from', () => {
    const westerly = windComponents(5, 270);
    expect(westerly.u).toBeCloseTo(5, 12);
    expect(westerly.v).toBeCloseTo(0, 12);
    const northerly = windComponents(5, 0);
    expect(northerly.u).toBeCloseTo(0, 12);
    expect(northerly.v).toBeCloseTo(-5, 12);
  });
});

describe('MeasuredWind', () => {
  const series = {
    timesMs: [0, 10 * MIN, 20 * MIN, 30 * MIN],
    speed: [4, Number.NaN, 4, 2],
    directionDeg: [270, 90, 180, 180],
  };
  const wind = new MeasuredWind(series);

  it('interpolates u and v in time, skipping missing samples, and holds the ends', () => {
    // Between 270° at 0 and 180° at 20 min (the NaN at 10 min is skipped): half of each.
    const middle = wind.windAt(10 * MIN, 0, 0, 10, out());
    expect(middle.u).toBeCloseTo(2, 12);
    expect(middle.v).toBeCloseTo(2, 12);
    expect(wind.windAt(-MIN, 0, 0, 10, out()).u).toBeCloseTo(4, 12);
    expect(wind.windAt(60 * MIN, 0, 0, 10, out()).v).toBeCloseTo(2, 12);
  });

  it('is uniform in space and scales with height by the power law (z / 10 m)^(1/7)', () => {
    const ground = wind.windAt(0, 0, 0, 10, out());
    const far = wind.windAt(0, 50_000, -30_000, 10, out());
    expect(far).toEqual(ground);
    expect(wind.windAt(0, 0, 0, 80, out()).u).toBeCloseTo(4 * 8 ** (1 / 7), 4);
    expect(wind.windAt(0, 0, 0, 0, out()).u).toBeCloseTo(4 * 0.1 ** (1 / 7), 12);
    expect(ground.w).toBe(0);
  });

  it('refuses a series without a valid sample', () => {
    expect(
      () => new MeasuredWind({ timesMs: [0], speed: [Number.NaN], directionDeg: [0] }),
    ).toThrow();
  });

  it('drives a backward run: a southerly puts the footprint south of the station', () => {
    const southerly = new MeasuredWind({
      timesMs: [0, 24 * 60 * MIN],
      speed: [6, 6],
      directionDeg: [180, 180],
    });
    const result = runDispersion(
      {
        durationHours: 4,
        particleCount: 500,
        station: { latitude: 47, longitude: 11 },
        releaseBox: { west: 11, east: 11, south: 47, north: 47, bottom: 10, top: 10 },
        releaseStart: 23 * 60 * MIN,
        releaseEnd: 24 * 60 * MIN,
        grid: { extentKm: 200, resolutionKm: 2, groundLayerHeightM: 100 },
      },
      southerly,
    );
    const { centroid } = result.paths;
    expect(centroid.y[1] as number).toBeLessThan(-20_000);
    expect(Math.abs(centroid.x[1] as number)).toBeLessThan(2_000);
  });
});

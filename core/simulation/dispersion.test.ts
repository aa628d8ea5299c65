import { describe, expect, it } from 'vitest';
import { runDispersion } from './dispersion';
import { cellCentre } from './footprint-grid';
import type { DispersionParametersInput } from './parameters';
import { ConstantWind, windComponents } from './wind-field';

const HOUR = 3_600_000;
const END = Date.UTC(2017, 0, 2);
const station = { latitude: 47.01083, longitude: 11.47889 };
const d = 0.005; // ± ~0.4 km box around the station
const base: DispersionParametersInput = {
  direction: 'backward',
  durationHours: 6,
  particleCount: 2000,
  station,
  releaseBox: {
    west: station.longitude - d,
    east: station.longitude + d,
    south: station.latitude - d,
    north: station.latitude + d,
    bottom: 0,
    top: 100,
  },
  releaseStart: END - HOUR,
  releaseEnd: END,
  outputIntervalHours: 2,
  timeStepSeconds: 60,
  seed: 42,
  grid: { extentKm: 400, resolutionKm: 4, groundLayerHeightM: 100 },
};
const westerly = new ConstantWind({ ...windComponents(5, 270), w: 0 });

/** Residence-weighted mean position of a footprint, m. */
function footprintCentre(result: ReturnType<typeof runDispersion>): {
  x: number;
  y: number;
  total: number;
} {
  let total = 0;
  let x = 0;
  let y = 0;
  result.residenceSeconds.forEach((seconds, k) => {
    const centre = cellCentre(result.grid, k % result.grid.nx, Math.floor(k / result.grid.nx));
    total += seconds;
    x += seconds * centre.x;
    y += seconds * centre.y;
  });
  return { x: x / total, y: y / total, total };
}

describe('runDispersion', () => {
  it('is deterministic: the same seed gives identical output, another seed another', () => {
    const a = runDispersion(base, westerly);
    const b = runDispersion(base, westerly);
    const c = runDispersion({ ...base, seed: 43 }, westerly);
    expect(b.residenceSeconds).toEqual(a.residenceSeconds);
    expect(b.paths).toEqual(a.paths);
    expect(c.residenceSeconds).not.toEqual(a.residenceSeconds);
    expect(c.paths.x).not.toEqual(a.paths.x);
  });

  it('backward with a westerly puts the footprint west of the station (upwind), forward east', () => {
    const backward = runDispersion(base, westerly);
    const centre = footprintCentre(backward);
    // Mean travel back ≈ 5 m/s × ~3 h: tens of km west, and nothing much east of the station.
    expect(centre.x).toBeLessThan(-20_000);
    expect(Math.abs(centre.y)).toBeLessThan(2_000);
    const centroidX = Array.from(backward.paths.centroid.x);
    expect(centroidX.every((x, k) => k === 0 || x < (centroidX[k - 1] as number))).toBe(true);
    const forward = runDispersion(
      { ...base, direction: 'forward', releaseStart: END, releaseEnd: END + HOUR },
      westerly,
    );
    expect(footprintCentre(forward).x).toBeGreaterThan(20_000);
  });

  it('loses no particle: all released, each either active or counted as having left the grid', () => {
    const small = runDispersion(
      { ...base, grid: { extentKm: 60, resolutionKm: 2, groundLayerHeightM: 100 } },
      westerly,
    );
    expect(small.particles.released).toBe(2000);
    expect(small.particles.leftDomain).toBeGreaterThan(0);
    expect(small.particles.active + small.particles.leftDomain).toBe(small.particles.released);
    const left = small.intervals.map((interval) => interval.leftDomain);
    expect(left).toEqual([...left].sort((p, q) => p - q));
    const last = small.intervals.at(-1);
    expect((last?.activeParticles ?? 0) + (last?.leftDomain ?? 0)).toBe(2000);
  });

  it('keeps a well-mixed boundary layer well mixed (Thomson 1987): 10 % of the time in the lowest 10 %', () => {
    const mixed = runDispersion(
      {
        ...base,
        particleCount: 5000,
        releaseBox: { ...base.releaseBox, bottom: 0, top: 1000 },
        releaseStart: END - 60_000,
        turbulence: {
          horizontalDiffusivity: 50,
          verticalDiffusivity: 10,
          boundaryLayerHeightM: 1000,
        },
      },
      westerly,
    );
    expect(mixed.particles.leftDomain).toBe(0);
    const perParticle = footprintCentre(mixed).total / (6 * 3600);
    expect(perParticle).toBeGreaterThan(0.095);
    expect(perParticle).toBeLessThan(0.105);
  });

  it('reports progress up to 1, increasing', () => {
    const seen: number[] = [];
    const result = runDispersion(base, westerly, { onProgress: (f) => seen.push(f) });
    expect(result.status).toBe('completed');
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, k) => k === 0 || f > (seen[k - 1] as number))).toBe(true);
  });

  it('stops early when asked, keeping the intervals finished so far', () => {
    let latest = 0;
    const result = runDispersion(base, westerly, {
      onProgress: (f) => (latest = f),
      shouldStop: () => latest >= 0.5,
    });
    expect(result.status).toBe('cancelled');
    expect(result.stepsTaken).toBeLessThan(result.totalSteps * 0.6);
    expect(latest).toBeLessThan(1);
    expect(result.intervals.length).toBe(1);
  });

  it('rejects a release window longer than the run', () => {
    expect(() => runDispersion({ ...base, durationHours: 0.5 }, westerly)).toThrow(
      /longer than the run/,
    );
  });
});

import type { SimulationResultInput } from '../../core/contracts/simulation-result';
import type { DispersionResult } from '../../core/simulation/index';

/** Metres are plenty for a map of tens to thousands of km; NaN (no particle) becomes null. */
function metres(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? Math.round(v) : null));
}

/** Four significant digits: a footprint is a statistic of a few thousand particles. */
function significant(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : Number(value.toPrecision(4));
}

/**
 * What a run's result file holds (core/contracts/simulation-result.ts): the footprint grid,
 * the centroid path and the sampled trajectories as one column per particle, the release
 * window and the station, so the UI can draw it without the job's parameters.
 */
export function resultFileOf(result: DispersionResult): SimulationResultInput {
  const { paths, parameters } = result;
  const times = paths.timesMs.length;
  const sample = paths.particleIndices.length;
  const trajectories = Array.from({ length: sample }, (_, s) => {
    const x: number[] = [];
    const y: number[] = [];
    // Rows of paths.x / paths.y are output times; a particle is one column of them.
    for (let k = 0; k < times; k += 1) {
      x.push(paths.x[k * sample + s] as number);
      y.push(paths.y[k * sample + s] as number);
    }
    return { x: metres(x), y: metres(y) };
  });
  const n = paths.centroid.x.length;
  return {
    grid: result.grid,
    residenceSeconds: Array.from(result.residenceSeconds, significant),
    station: parameters.station,
    release: { startMs: parameters.releaseStart, endMs: parameters.releaseEnd },
    paths: {
      timesMs: Array.from(paths.timesMs, (t) => (Number.isFinite(t) ? t : null)),
      centroid: { x: metres(paths.centroid.x), y: metres(paths.centroid.y) },
      trajectories,
    },
    summary: {
      status: result.status,
      particles: result.particles,
      particleSteps: result.particleSteps,
      centroidEndKm: n
        ? {
            x: (paths.centroid.x[n - 1] ?? 0) / 1000,
            y: (paths.centroid.y[n - 1] ?? 0) / 1000,
          }
        : null,
    },
  };
}

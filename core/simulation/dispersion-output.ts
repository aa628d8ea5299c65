import type { FootprintGrid } from './footprint-grid';
import type { DispersionParameters } from './parameters';
import { ACTIVE, type ParticleState } from './particles';

/** One output interval (LOUTSTEP): [startMs, endMs] in calendar order, whichever the direction. */
export interface OutputInterval {
  startMs: number;
  endMs: number;
  /** τ per cell, s (footprint-grid.ts), from this interval alone. */
  residenceSeconds: Float32Array;
  /** Particles moving at the interval's end, and those that had left the grid by then. */
  activeParticles: number;
  leftDomain: number;
}

/**
 * Snapshots at each output time (the end of an interval in the run's direction: going back,
 * the earlier end). Columns of length `timesMs.length` (centroid) or times × sample
 * (trajectories, row k holds output k); NaN where a particle is not yet released or has left
 * the grid, for the centroid while no particle is active, and everywhere for outputs a
 * cancelled run did not reach. Typed arrays throughout: Array.from them before JSON.stringify.
 */
export interface DispersionPaths {
  timesMs: Float64Array;
  centroid: { x: Float64Array; y: Float64Array; z: Float64Array };
  /** Which particles are sampled: evenly spread over the release, so over release times too. */
  particleIndices: Int32Array;
  x: Float32Array;
  y: Float32Array;
  z: Float32Array;
}

export interface DispersionResult {
  /** `cancelled` when `shouldStop` answered true: the intervals finished so far are kept. */
  status: 'completed' | 'cancelled';
  parameters: DispersionParameters;
  grid: FootprintGrid;
  /** The step actually used: the requested one, shortened to divide the output interval. */
  timeStepSeconds: number;
  stepsTaken: number;
  totalSteps: number;
  /** Moves made: the sum over steps of the particles active at its start. */
  particleSteps: number;
  intervals: OutputInterval[];
  /** τ per cell over the whole run, s. */
  residenceSeconds: Float64Array;
  paths: DispersionPaths;
  /** released = active + leftDomain: no particle is lost any other way. */
  particles: { total: number; released: number; active: number; leftDomain: number };
}

/** Collects outputs as the run goes; one per run, allocated up front. */
export class OutputRecorder {
  readonly intervals: OutputInterval[] = [];
  readonly residenceSeconds: Float64Array;
  readonly paths: DispersionPaths;
  /** Particle-steps per cell in the ground layer during the current interval. */
  readonly counts: Float64Array;

  constructor(
    grid: FootprintGrid,
    outputCount: number,
    particleCount: number,
    sampleSize: number,
    private readonly timeStepSeconds: number,
  ) {
    const cells = grid.nx * grid.ny;
    this.residenceSeconds = new Float64Array(cells);
    this.counts = new Float64Array(cells);
    const sample = Math.min(sampleSize, particleCount);
    const particleIndices = new Int32Array(sample);
    for (let k = 0; k < sample; k += 1)
      particleIndices[k] = Math.floor(((k + 0.5) * particleCount) / sample);
    const column = () => new Float32Array(outputCount * sample).fill(Number.NaN);
    this.paths = {
      timesMs: new Float64Array(outputCount).fill(Number.NaN),
      centroid: {
        x: new Float64Array(outputCount).fill(Number.NaN),
        y: new Float64Array(outputCount).fill(Number.NaN),
        z: new Float64Array(outputCount).fill(Number.NaN),
      },
      particleIndices,
      x: column(),
      y: column(),
      z: column(),
    };
  }

  /** Closes interval `k`, run from `fromMs` to `toMs`: its grid, the snapshots, the counts. */
  finishInterval(k: number, fromMs: number, toMs: number, particles: ParticleState): void {
    const scale = this.timeStepSeconds / particles.count;
    const residence = new Float32Array(this.counts.length);
    for (let c = 0; c < residence.length; c += 1) {
      const seconds = (this.counts[c] as number) * scale;
      residence[c] = seconds;
      this.residenceSeconds[c] = (this.residenceSeconds[c] as number) + seconds;
    }
    this.counts.fill(0);
    let active = 0;
    let sumX = 0;
    let sumY = 0;
    let sumZ = 0;
    for (let i = 0; i < particles.released; i += 1) {
      if (particles.status[i] !== ACTIVE) continue;
      active += 1;
      sumX += particles.x[i] as number;
      sumY += particles.y[i] as number;
      sumZ += particles.z[i] as number;
    }
    const { paths } = this;
    paths.timesMs[k] = toMs;
    if (active > 0) {
      paths.centroid.x[k] = sumX / active;
      paths.centroid.y[k] = sumY / active;
      paths.centroid.z[k] = sumZ / active;
    }
    const sample = paths.particleIndices.length;
    for (let s = 0; s < sample; s += 1) {
      const i = paths.particleIndices[s] as number;
      if (i >= particles.released || particles.status[i] !== ACTIVE) continue;
      paths.x[k * sample + s] = particles.x[i] as number;
      paths.y[k * sample + s] = particles.y[i] as number;
      paths.z[k * sample + s] = particles.z[i] as number;
    }
    this.intervals.push({
      startMs: Math.min(fromMs, toMs),
      endMs: Math.max(fromMs, toMs),
      residenceSeconds: residence,
      activeParticles: active,
      leftDomain: particles.leftDomain,
    });
  }
}

import { OutputRecorder, type DispersionResult } from './dispersion-output';
import { footprintGrid } from './footprint-grid';
import { releaseBoxToLocal } from './local-plane';
import { dispersionParametersSchema, type DispersionParametersInput } from './parameters';
import { ACTIVE, LEFT_DOMAIN, ParticleState } from './particles';
import { SeededRandom } from './random';
import type { WindField, WindVector } from './wind-field';

export interface DispersionHooks {
  /** Called about every 1 % of the run and with 1 at the end; 0 … 1. */
  onProgress?: (fraction: number) => void;
  /** Asked before every time step; true ends the run early with status `cancelled`. */
  shouldStop?: () => boolean;
}

/**
 * A Lagrangian particle dispersion run, FLEXPART-style (Stohl et al. 2005): particles leave
 * the release box evenly over the release window and move with the mean wind plus turbulence.
 * Forward, the run covers [releaseStart, releaseStart + duration] and shows where the air
 * goes; backward (Seibert & Frank 2004), it covers [releaseEnd − duration, releaseEnd],
 * clock running back from releaseEnd, and particles move against the wind (−u dt): the
 * ground-layer residence times are then the station's footprint.
 *
 * Turbulence is a random displacement model, dX = ±U dt + √(2 K dt) ξ with ξ ~ N(0, 1) per
 * axis: the diffusion limit of the Langevin equation for steps longer than the Lagrangian
 * time scale (Thomson 1987; Wilson & Sawford 1996), as FLEXPART does above the boundary
 * layer with its d_trop = 50 m²/s. K is constant (K_h horizontally, K_z vertically), so
 * the drift term ∂K/∂z of the well-mixed condition is zero and a plume's spread is exactly
 * σ² = σ0² + 2 K t (Taylor 1921, long-time limit): σ = √(2 K x / u) at distance x
 * downwind, which gaussian-plume.test.ts checks. Particles reflect perfectly at the ground
 * and at the boundary-layer top, the image-source condition of the Gaussian plume.
 *
 * Wind is sampled at the middle of each step (second order in time for a wind uniform in
 * space). Particles leaving the grid horizontally stop and are counted. Deterministic:
 * one seeded generator, drawn in a fixed order.
 */
export function runDispersion(
  input: DispersionParametersInput,
  wind: WindField,
  hooks: DispersionHooks = {},
): DispersionResult {
  const parameters = dispersionParametersSchema.parse(input);
  const backward = parameters.direction === 'backward';
  const sign = backward ? -1 : 1;
  const intervalSeconds = parameters.outputIntervalHours * 3600;
  const stepsPerOutput = Math.ceil(intervalSeconds / parameters.timeStepSeconds - 1e-9);
  const dt = intervalSeconds / stepsPerOutput;
  const totalSteps = Math.max(1, Math.round((parameters.durationHours * 3600) / dt));
  const outputCount = Math.ceil(totalSteps / stepsPerOutput);
  const t0 = backward ? parameters.releaseEnd : parameters.releaseStart;
  const timeAtStep = (step: number) => t0 + sign * step * dt * 1000;

  const grid = footprintGrid(parameters.grid);
  const random = new SeededRandom(parameters.seed);
  const particles = new ParticleState(parameters.particleCount);
  particles.place(releaseBoxToLocal(parameters.station, parameters.releaseBox), random);
  const recorder = new OutputRecorder(
    grid,
    outputCount,
    particles.count,
    parameters.trajectorySampleSize,
    dt,
  );
  // Release i at elapsed (i + ½)/N of the window, rounded to the nearest step: unbiased timing.
  const releaseSpanSeconds = (parameters.releaseEnd - parameters.releaseStart) / 1000;
  const releaseStepOf = (i: number) =>
    Math.min(totalSteps - 1, Math.round((((i + 0.5) / particles.count) * releaseSpanSeconds) / dt));

  const { x, y, z, status } = particles;
  const counts = recorder.counts;
  const windNow: WindVector = { u: 0, v: 0, w: 0 };
  const advection = sign * dt;
  const horizontalStep = Math.sqrt(2 * parameters.turbulence.horizontalDiffusivity * dt);
  const verticalStep = Math.sqrt(2 * parameters.turbulence.verticalDiffusivity * dt);
  const top = parameters.turbulence.boundaryLayerHeightM;
  const { xMinM, yMinM, cellSizeM, nx, ny, groundLayerHeightM } = grid;
  const xMaxM = xMinM + nx * cellSizeM;
  const yMaxM = yMinM + ny * cellSizeM;
  const progressEvery = Math.max(1, Math.floor(totalSteps / 100));

  let stepsTaken = 0;
  let particleSteps = 0;
  let cancelled = false;
  for (let step = 0; step < totalSteps; step += 1) {
    if (hooks.shouldStop?.()) {
      cancelled = true;
      break;
    }
    particles.releaseUpTo(step, releaseStepOf);
    const middleMs = timeAtStep(step + 0.5);
    const released = particles.released;
    particleSteps += particles.active;
    for (let i = 0; i < released; i += 1) {
      if (status[i] !== ACTIVE) continue;
      const xi0 = x[i] as number;
      const yi0 = y[i] as number;
      const zi0 = z[i] as number;
      wind.windAt(middleMs, xi0, yi0, zi0, windNow);
      const xi = xi0 + advection * windNow.u + horizontalStep * random.normal();
      const yi = yi0 + advection * windNow.v + horizontalStep * random.normal();
      let zi = zi0 + advection * windNow.w + verticalStep * random.normal();
      while (zi < 0 || zi > top) zi = zi < 0 ? -zi : 2 * top - zi;
      if (xi < xMinM || xi >= xMaxM || yi < yMinM || yi >= yMaxM) {
        status[i] = LEFT_DOMAIN;
        particles.leftDomain += 1;
        continue;
      }
      x[i] = xi;
      y[i] = yi;
      z[i] = zi;
      if (zi < groundLayerHeightM) {
        // min(): rounding can put x a hair below the east edge into column nx.
        const column = Math.min(nx - 1, Math.floor((xi - xMinM) / cellSizeM));
        const cell = Math.min(ny - 1, Math.floor((yi - yMinM) / cellSizeM)) * nx + column;
        counts[cell] = (counts[cell] as number) + 1;
      }
    }
    stepsTaken = step + 1;
    if (stepsTaken % stepsPerOutput === 0 || stepsTaken === totalSteps) {
      const k = Math.ceil(stepsTaken / stepsPerOutput) - 1;
      recorder.finishInterval(k, timeAtStep(k * stepsPerOutput), timeAtStep(stepsTaken), particles);
    }
    if (stepsTaken % progressEvery === 0 && stepsTaken < totalSteps)
      hooks.onProgress?.(stepsTaken / totalSteps);
  }
  if (!cancelled) hooks.onProgress?.(1);

  return {
    status: cancelled ? 'cancelled' : 'completed',
    parameters,
    grid,
    timeStepSeconds: dt,
    stepsTaken,
    totalSteps,
    particleSteps,
    intervals: recorder.intervals,
    residenceSeconds: recorder.residenceSeconds,
    paths: recorder.paths,
    particles: {
      total: particles.count,
      released: particles.released,
      active: particles.active,
      leftDomain: particles.leftDomain,
    },
  };
}

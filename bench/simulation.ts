import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDispersion } from '../core/simulation/dispersion';
import type { DispersionParametersInput } from '../core/simulation/parameters';
import { MeasuredWind, type WindSeries } from '../core/simulation/measured-wind';
import { SeededRandom } from '../core/simulation/random';
import { printResult } from '../tests/support/station-process';

const WIND_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../shared/data/sattelberg/sattelberg_10min_2017.csv',
);
const DAY_MS = 86_400_000;
const SATTELBERG = { latitude: 47.01083, longitude: 11.47889 };

/** The first day of the Sattelberg 10-minute file (`timestamp;dd;ff;…`, NA or blank missing). */
function firstDayOfWind(): WindSeries & { startMs: number } {
  const [header = '', ...lines] = fs.readFileSync(WIND_FILE, 'utf8').split('\n');
  const columns = header.trim().split(';');
  const [time, dd, ff] = ['timestamp', 'dd', 'ff'].map((name) => columns.indexOf(name));
  const cell = (cells: string[], index = -1) => {
    const text = (cells[index] ?? '').trim();
    return text === '' || text === 'NA' ? Number.NaN : Number(text);
  };
  const timesMs: number[] = [];
  const speed: number[] = [];
  const directionDeg: number[] = [];
  for (const line of lines) {
    const cells = line.split(';');
    const t = cell(cells, time) * 1000;
    if (!Number.isFinite(t)) continue;
    if (timesMs.length > 0 && t > (timesMs[0] as number) + DAY_MS) break;
    timesMs.push(t);
    speed.push(cell(cells, ff));
    directionDeg.push(cell(cells, dd));
  }
  return { timesMs, speed, directionDeg, startMs: timesMs[0] as number };
}

/**
 * The floor of any implementation: the same number of particle-steps doing only what no
 * model can skip, three normal deviates from the same generator and one multiply-add per
 * coordinate into the same structure-of-arrays layout.
 */
function referenceSeconds(particles: number, particleSteps: number): number {
  const random = new SeededRandom(1);
  const x = new Float64Array(particles);
  const y = new Float64Array(particles);
  const z = new Float64Array(particles);
  const spread = Math.sqrt(2 * 50 * 60);
  const started = performance.now();
  for (let done = 0; done < particleSteps;) {
    const n = Math.min(particles, particleSteps - done);
    for (let i = 0; i < n; i += 1) {
      x[i] = (x[i] as number) + spread * random.normal();
      y[i] = (y[i] as number) + spread * random.normal();
      z[i] = (z[i] as number) + spread * random.normal();
    }
    done += n;
  }
  return (performance.now() - started) / 1000;
}

export async function benchSimulation(args: string[]): Promise<void> {
  const particles = Number(args[0] ?? 10_000);
  const hours = Number(args[1] ?? 24);
  const wind = firstDayOfWind();
  const releaseEnd = wind.startMs + hours * 3_600_000;
  const d = 0.005; // ± ~0.5 km around the station, 0–100 m above ground: a footprint release
  const parameters: DispersionParametersInput = {
    direction: 'backward',
    durationHours: hours,
    particleCount: particles,
    station: SATTELBERG,
    releaseBox: {
      west: SATTELBERG.longitude - d,
      east: SATTELBERG.longitude + d,
      south: SATTELBERG.latitude - d,
      north: SATTELBERG.latitude + d,
      bottom: 0,
      top: 100,
    },
    releaseStart: releaseEnd - 3_600_000,
    releaseEnd,
    outputIntervalHours: 2,
    timeStepSeconds: 60,
    seed: 1,
    // Wide enough that no particle leaves in 24 h: every particle-step is done and timed.
    grid: { extentKm: 2000, resolutionKm: 5, groundLayerHeightM: 100 },
  };
  const measured = new MeasuredWind(wind);
  console.error(
    `simulation: ${wind.timesMs.length} Sattelberg wind samples from ${new Date(wind.startMs).toISOString()}`,
  );
  runDispersion({ ...parameters, particleCount: 1000, durationHours: 2 }, measured); // warm-up: JIT

  console.error(`simulation: ${particles} particles, ${hours} h backward, measured wind…`);
  const started = performance.now();
  const result = runDispersion(parameters, measured);
  const seconds = (performance.now() - started) / 1000;
  console.error('simulation: reference loop (3 normals + 3 multiply-adds per particle-step)…');
  referenceSeconds(particles, Math.min(result.particleSteps, particles * 60)); // warm-up
  const reference = referenceSeconds(particles, result.particleSteps);

  const nsPerStep = (seconds * 1e9) / result.particleSteps;
  const referenceNs = (reference * 1e9) / result.particleSteps;
  const row = (name: string, value: string) => console.error(`  ${name.padEnd(40)} ${value}`);
  row('time steps × step', `${result.totalSteps} × ${result.timeStepSeconds} s`);
  row('particle-steps', result.particleSteps.toLocaleString('en'));
  row('left the grid', String(result.particles.leftDomain));
  row('model, s', seconds.toFixed(3));
  row('model, ns per particle-step', nsPerStep.toFixed(1));
  row('reference floor, ns per particle-step', referenceNs.toFixed(1));
  row('ratio model / floor', (nsPerStep / referenceNs).toFixed(2));
  const last = result.paths.centroid;
  const k = last.x.length - 1;
  row(
    'centroid after the run, km',
    `x ${((last.x[k] as number) / 1000).toFixed(0)}, y ${((last.y[k] as number) / 1000).toFixed(0)}`,
  );
  printResult({
    bench: 'simulation',
    particles,
    seconds: Math.round(seconds * 1000) / 1000,
    ns_per_particle_step: Math.round(nsPerStep * 10) / 10,
    reference_ns_per_particle_step: Math.round(referenceNs * 10) / 10,
    ratio: Math.round((nsPerStep / referenceNs) * 100) / 100,
  });
}

// The model as its own process (the local executor): reads a job file, prints progress lines
// ("progress 0.35") on stdout, writes the result file. A child process keeps the station's
// event loop free during a run and lets the parent enforce time and memory limits.
import fs from 'node:fs';
import {
  dispersionParametersSchema,
  MeasuredWind,
  runDispersion,
  type WindSeries,
} from '../../core/simulation/index';

interface ModelJob {
  model: unknown;
  wind: WindSeries;
  resultFile: string;
}

const job = JSON.parse(fs.readFileSync(process.argv[2] as string, 'utf8')) as ModelJob;
const model = dispersionParametersSchema.parse(job.model);
let reported = 0;
const result = runDispersion(model, new MeasuredWind(job.wind), {
  onProgress: (fraction) => {
    if (fraction - reported >= 0.05 || fraction === 1) {
      reported = fraction;
      process.stdout.write(`progress ${fraction.toFixed(3)}\n`);
    }
  },
});
const n = result.paths.centroid.x.length;
fs.writeFileSync(
  job.resultFile,
  JSON.stringify({
    grid: result.grid,
    residenceSeconds: Array.from(result.residenceSeconds),
    paths: {
      timesMs: Array.from(result.paths.timesMs),
      centroid: { x: Array.from(result.paths.centroid.x), y: Array.from(result.paths.centroid.y) },
    },
    summary: {
      status: result.status,
      particles: result.particles,
      particleSteps: result.particleSteps,
      centroidEndKm: n
        ? {
            x: (result.paths.centroid.x[n - 1] ?? 0) / 1000,
            y: (result.paths.centroid.y[n - 1] ?? 0) / 1000,
          }
        : null,
    },
  }),
);
process.stdout.write('done\n');

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
import { resultFileOf } from './result-file';

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
// Footprint, centroid path, sampled trajectories, release and station: what the UI draws.
fs.writeFileSync(job.resultFile, JSON.stringify(resultFileOf(result)));
process.stdout.write('done\n');

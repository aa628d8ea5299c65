import { parseArgs } from 'node:util';
import { printResult } from '../tests/support/station-process';
import { launchChromium } from './plot/browser';
import { measureFollow } from './plot/follow';
import { measureOpenYear } from './plot/open-year';
import { report } from './plot/report';
import { startPlotStation } from './plot/station';

const log = (line: string) => console.error(line);

/**
 * npm run bench -- plot [--seconds N] [--runs N] [--postgres]: the Live page in headless
 * Chromium without a GPU. Follow: p99 main-thread ms per frame while 4 × 50 samples/s
 * arrive, beside the same page with no data flowing. Open: a year of 6 datastreams of
 * 10-minute data drawn, beside fetching and parsing the same series without drawing.
 */
export async function benchPlot(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: 'string', default: '60' },
      runs: { type: 'string', default: '5' },
      postgres: { type: 'boolean', default: false },
    },
  });
  const seconds = Number(values.seconds);
  const runs = Number(values.runs);
  if (!(seconds >= 1) || !(runs >= 1)) throw new Error('--seconds and --runs must be at least 1');
  const database = values.postgres ? 'postgres' : 'pglite';

  log(`plot: starting the control room (${database}) and importing the 2017 files…`);
  const station = await startPlotStation(database, log);
  const browser = await launchChromium();
  // An interrupted bench must not leave Chromium running.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void browser.close().finally(() => process.exit(130)));
  try {
    log(`plot: open a year of 6 datastreams, ${runs} runs after one warm-up…`);
    const opens = await measureOpenYear(browser, station, runs, log);
    const follow = await measureFollow(browser, station, seconds, log);
    printResult(report(opens, follow, { database }, log));
  } finally {
    await browser.close();
    await station.close();
  }
}

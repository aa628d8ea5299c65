import type { Browser, Page } from '@playwright/test';
import { openPanelPage, waitForPhase } from './browser';
import { startFeeder, type FeederStats } from './feeder';
import { startFrameTrace, type Frame } from './frame-trace';
import { FOLLOW_DATASTREAMS, FOLLOW_HZ, type PlotStation } from './station';

export interface FollowResult {
  idleFrames: Frame[];
  followFrames: Frame[];
  idleSeconds: number;
  followSeconds: number;
  feeder: FeederStats;
  /** Points of the first trace, and how far its newest point is behind the newest sample sent. */
  plotted: { points: number; behindMs: number | null };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lets samples reach the panel before the clock starts: first history load, first slide. */
const WARM_UP_MS = 3_000;

/**
 * The Live page following 4 datastreams (default preset, follow on), traced with no data
 * flowing (the reference) and then while 4 × 50 samples/s arrive over the REST API and
 * reach the page over the live socket.
 */
export async function measureFollow(
  browser: Browser,
  station: PlotStation,
  seconds: number,
  log: (line: string) => void,
): Promise<FollowResult> {
  const page = await openPanelPage(browser, station.url, {
    keys: FOLLOW_DATASTREAMS,
    preset: '24h',
  });
  try {
    await page.goto(`${station.url}/`);
    await page.waitForSelector(
      `[data-testid=live-status][data-subscribed="${FOLLOW_DATASTREAMS.length}"]`,
    );
    await waitForPhase(page, ['empty', 'ready']);
    // A frame only starts when something asked for one; this empty rAF loop keeps frames
    // coming at the display rate in both phases, so idle and busy frames are counted alike.
    await page.evaluate(() => {
      const tick = () => requestAnimationFrame(tick);
      tick();
    });

    const idleSeconds = Math.min(10, seconds);
    log(`plot: follow: idle reference, ${idleSeconds} s with no data flowing…`);
    const idleTrace = await startFrameTrace(page);
    await sleep(idleSeconds * 1000);
    const idleFrames = await idleTrace.stop();

    log(`plot: follow: ${FOLLOW_DATASTREAMS.length} × ${FOLLOW_HZ} samples/s for ${seconds} s…`);
    const feeder = startFeeder(station.url, station.token, FOLLOW_DATASTREAMS, FOLLOW_HZ);
    await sleep(WARM_UP_MS);
    const followTrace = await startFrameTrace(page);
    for (let s = 10; s < seconds; s += 10) {
      await sleep(10_000);
      log(`  … ${s} s, ${feeder.stats.samples} samples sent`);
    }
    await sleep((seconds % 10 || 10) * 1000);
    const followFrames = await followTrace.stop();
    const feederStats = await feeder.stop();
    await sleep(3_000); // the last samples' way to the plot, for the check below
    if (feederStats.errors.length > 0)
      throw new Error(`ingest failed during the follow phase: ${feederStats.errors[0]}`);
    return {
      idleFrames,
      followFrames,
      idleSeconds,
      followSeconds: seconds,
      feeder: feederStats,
      plotted: await newestPlotted(page, feederStats.lastTimeMs ?? Date.now()),
    };
  } finally {
    await page.context().close();
  }
}

/** Whether the last samples sent made it into the plot (plotly keeps its data on the div). */
async function newestPlotted(page: Page, newestSentMs: number) {
  const newest = await page.evaluate(() => {
    const graph = document.querySelector('[data-testid=live-chart] .js-plotly-plot') as
      (Element & { data?: { x: (number | string | null)[] }[] }) | null;
    const x = graph?.data?.[0]?.x ?? [];
    const last = x.at(-1);
    // plotly keeps appended epoch-ms numbers as they came and history as date strings
    const t =
      typeof last === 'number' ? last : typeof last === 'string' ? Date.parse(`${last}Z`) : null;
    return { points: x.length, t };
  });
  return { points: newest.points, behindMs: newest.t === null ? null : newestSentMs - newest.t };
}

import type { Browser, Page } from '@playwright/test';
import { openPanelPage, waitForPhase } from './browser';
import { YEAR_DATASTREAMS, type PlotStation } from './station';

export interface OpenRun {
  /** Click on "1 y" → the year plot drawn (phase ready, then the frame that paints it). */
  openMs: number;
  /** Of which: first series request sent → last series response received. */
  openFetchMs: number;
  /** Reference: the same series URLs fetched and JSON-parsed in the page, nothing drawn. */
  fetchOnlyMs: number;
  points: number[];
  phase: string;
}

/**
 * Opening a year of 6 datastreams: the panel shows the last 24 h of the 2017 archive, the
 * operator clicks "1 y", the UI fetches the decimated series (maxPoints = plot width) and
 * plotly draws them. Each run gets a fresh browser context, so no HTTP cache helps.
 */
export async function measureOpenYear(
  browser: Browser,
  station: PlotStation,
  runs: number,
  log: (line: string) => void,
): Promise<OpenRun[]> {
  const results: OpenRun[] = [];
  // Run 0 warms the server (the database's pages, the JIT) and is not counted.
  for (let run = 0; run <= runs; run += 1) {
    const page = await openPanelPage(browser, station.url, {
      keys: YEAR_DATASTREAMS,
      preset: '24h',
    });
    try {
      await page.goto(`${station.url}/`);
      await waitForPhase(page, ['ready']);
      const opened = await openYear(page);
      if (opened.phase !== 'ready') throw new Error(`the year plot ended in phase ${opened.phase}`);
      if (opened.urls.length !== YEAR_DATASTREAMS.length)
        throw new Error(
          `expected ${YEAR_DATASTREAMS.length} series requests: ${opened.urls.join(' ')}`,
        );
      const fetchOnlyMs = await fetchOnly(page, opened.urls);
      const result = { ...opened, fetchOnlyMs };
      if (run === 0) continue;
      results.push(result);
      log(
        `  run ${run}: open ${result.openMs.toFixed(0)} ms (series fetch ${result.openFetchMs.toFixed(0)} ms), ` +
          `fetch+parse only ${fetchOnlyMs.toFixed(0)} ms, ${result.points.join('/')} points`,
      );
    } finally {
      await page.context().close();
    }
  }
  return results;
}

/** Clicks "1 y" and waits in the page, without a round trip to node in the measured span. */
function openYear(page: Page) {
  return page.evaluate(async () => {
    const chart = document.querySelector('[data-testid=live-chart]') as HTMLElement;
    const button = document.querySelector('[data-testid=range-preset-1y]') as HTMLButtonElement;
    performance.clearResourceTimings();
    const started = performance.now();
    const phase = await new Promise<string>((resolve) => {
      let loading = false;
      const observer = new MutationObserver(() => {
        const now = chart.dataset.phase ?? '';
        if (now === 'loading') loading = true;
        else if (loading) {
          observer.disconnect();
          resolve(now);
        }
      });
      observer.observe(chart, { attributes: true, attributeFilter: ['data-phase'] });
      button.click();
    });
    // Drawn means painted: rAF runs before the frame's style, layout and paint, a task
    // queued from it runs after them.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const openMs = performance.now() - started;
    const series = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/observations?')) as PerformanceResourceTiming[];
    const graph = chart.querySelector('.js-plotly-plot') as Element & { data?: { x: unknown[] }[] };
    return {
      openMs,
      openFetchMs:
        Math.max(...series.map((e) => e.responseEnd)) - Math.min(...series.map((e) => e.startTime)),
      urls: series.map((e) => e.name),
      points: (graph.data ?? []).map((trace) => trace.x.length),
      phase,
    };
  });
}

/** The reference: the open's own requests, fetched and parsed the same way, but not drawn. */
function fetchOnly(page: Page, urls: string[]): Promise<number> {
  return page.evaluate(async (series) => {
    const started = performance.now();
    await Promise.all(
      series.map((url) =>
        fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } }).then((r) =>
          r.json(),
        ),
      ),
    );
    return performance.now() - started;
  }, urls);
}

import type { PlotlyStatic } from 'plotly.js-basic-dist-min';
import { vi } from 'vitest';
import type { DatastreamSummary } from '../../../core/contracts/http';
import { LiveChartController } from '../features/live/chartController';
import type { ChartPhase } from '../features/live/chartIntent';
import type { LoadedSeries } from '../features/live/historyLoader';
import type { TimeRange } from '../state/selection';
import { NOW, airTemperature, testColors } from './chartFixtures';
import { fakePlotly } from './fakePlotly';

type History = (range: TimeRange | null) => Omit<LoadedSeries, 'key'>;

/**
 * A LiveChartController on fake plotly, with the history `history` gives for each range,
 * a clock the test moves (`clock.now`), and animation frames the test runs (`frames`).
 * Redraws take `clock.drawCost` ms of the draw clock (0: never throttled), whatever the
 * machine's speed: the real clock made draw counts depend on the load.
 */
export function setupChart(history: History, stream: DatastreamSummary = airTemperature) {
  const plotly = fakePlotly();
  const phases: ChartPhase[] = [];
  const userRanges: unknown[] = [];
  const frames: (() => void)[] = [];
  const clock = { now: NOW, drawMs: 0, drawCost: 0 };
  const react = plotly.react.getMockImplementation();
  plotly.react.mockImplementation((...args) => {
    clock.drawMs += clock.drawCost;
    return react!(...args);
  });
  const load = vi.fn(async (streams: readonly DatastreamSummary[], range: TimeRange | null) =>
    streams.map((s) => ({ key: s.key, ...history(range) })),
  );
  const controller = new LiveChartController(
    document.createElement('div'),
    plotly as unknown as PlotlyStatic,
    {
      colors: testColors,
      onPhase: (phase) => phases.push(phase),
      onUserRange: (range) => userRanges.push(range),
      now: () => clock.now,
      load,
      requestFrame: (callback) => frames.push(callback),
      drawClock: () => clock.drawMs,
    },
  );
  const intent = {
    streams: [stream],
    preset: '24h' as const,
    customRange: null,
    follow: true,
    reloadToken: 0,
  };
  /** Runs the frames asked for so far (and none asked for while running them). */
  const runFrames = () => frames.splice(0).forEach((frame) => frame());
  return { controller, plotly, phases, userRanges, frames, runFrames, load, intent, clock };
}

/** No history in any range: a datastream that just went live. */
export const noHistory: History = () => ({
  x: [],
  y: [],
  count: 0,
  lastT: null,
  gapMs: 50,
  error: null,
});

// @vitest-environment jsdom
import type { PlotlyStatic } from 'plotly.js-basic-dist-min';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatastreamSummary } from '../../../../core/contracts/http';
import {
  ARCHIVE_END,
  MIN,
  NOW,
  airTemperature as stream,
  archiveHistory,
  testColors as colors,
} from '../../testing/chartFixtures';
import { liveSamples } from '../../live/emitter';
import { LiveChartController } from './chartController';
import type { ChartPhase } from './chartIntent';
import type { LoadedSeries } from './historyLoader';
import { fakePlotly } from '../../testing/fakePlotly';

function setup(history: (range: { from: number; to: number } | null) => Omit<LoadedSeries, 'key'>) {
  const plotly = fakePlotly();
  const phases: ChartPhase[] = [];
  const userRanges: unknown[] = [];
  const frames: (() => void)[] = [];
  const load = vi.fn(
    async (streams: readonly DatastreamSummary[], range: { from: number; to: number } | null) =>
      streams.map((s) => ({ key: s.key, ...history(range) })),
  );
  const controller = new LiveChartController(
    document.createElement('div'),
    plotly as unknown as PlotlyStatic,
    {
      colors,
      onPhase: (phase) => phases.push(phase),
      onUserRange: (range) => userRanges.push(range),
      now: () => NOW,
      load,
      requestFrame: (callback) => frames.push(callback),
    },
  );
  const intent = {
    streams: [stream],
    preset: '24h' as const,
    customRange: null,
    follow: true,
    reloadToken: 0,
  };
  return { controller, plotly, phases, userRanges, frames, load, intent };
}

describe('LiveChartController', () => {
  beforeEach(() =>
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] }),
  );
  afterEach(() => vi.useRealTimers());

  it('shows an archive around its newest data, not an empty window ending now', async () => {
    const { controller, plotly, phases, load, intent } = setup(archiveHistory);
    controller.setIntent(intent);
    await vi.waitFor(() => expect(phases.at(-1)?.kind).toBe('ready'));
    const range = load.mock.calls[0]?.[1];
    expect(range && range.from < ARCHIVE_END && ARCHIVE_END < range.to).toBe(true);
    expect(plotly.div().data[0]).toMatchObject({ type: 'scatter', connectgaps: false, y: [2, 3] });
  });

  it('appends live samples once per frame, with a null across the gap, then fetches the live window', async () => {
    const { controller, plotly, phases, frames, load, intent } = setup(archiveHistory);
    controller.setIntent(intent);
    await vi.waitFor(() => expect(phases.at(-1)?.kind).toBe('ready'));
    liveSamples.emit({ datastream: stream.key, t: [NOW - 20 * MIN], v: [5] });
    liveSamples.emit({ datastream: stream.key, t: [NOW - 10 * MIN], v: [6] });
    liveSamples.emit({ datastream: 'other.aws.x', t: [NOW], v: [1] });
    expect(frames).toHaveLength(1);
    frames[0]?.();
    await vi.waitFor(() => expect(plotly.extendTraces).toHaveBeenCalledTimes(1));
    const [, update, indices] = plotly.extendTraces.mock.calls[0] ?? [];
    expect(indices).toEqual([0]);
    expect(update?.y).toEqual([[null, 5, 6]]);
    // Following: the window jumped from 2019 to now, so history for it is fetched.
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect(load.mock.calls[1]?.[1]).toEqual({ from: NOW - 86_400_000, to: NOW });
    controller.destroy();
  });

  it('reports an empty range, and leaves it when live data arrives', async () => {
    const { controller, phases, frames, intent } = setup(() => ({
      x: [],
      y: [],
      count: 0,
      lastT: null,
      gapMs: Infinity,
      error: null,
    }));
    controller.setIntent({ ...intent, streams: [{ ...stream, lastTime: null }] });
    await vi.waitFor(() => expect(phases.at(-1)?.kind).toBe('empty'));
    liveSamples.emit({ datastream: stream.key, t: [NOW - MIN], v: [1] });
    frames[0]?.();
    await vi.waitFor(() => expect(phases.at(-1)?.kind).toBe('ready'));
    controller.destroy();
  });

  it('turns a user zoom into a debounced range request, but not its own relayouts', async () => {
    const { controller, plotly, phases, userRanges, intent } = setup(archiveHistory);
    controller.setIntent(intent);
    await vi.waitFor(() => expect(phases.at(-1)?.kind).toBe('ready'));
    await controller.surface.showRange({ from: 0, to: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(userRanges).toEqual([]);
    plotly.emit({ 'xaxis.range[0]': '2019-06-30 00:00', 'xaxis.range[1]': '2019-06-30 06:00' });
    plotly.emit({ 'xaxis.range[0]': '2019-06-30 00:00', 'xaxis.range[1]': '2019-06-30 12:00' });
    expect(userRanges).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(userRanges).toEqual([{ from: Date.UTC(2019, 5, 30), to: Date.UTC(2019, 5, 30, 12) }]);
    controller.destroy();
  });

  it('keeps other datastreams when one fails, and says which', async () => {
    const { controller, phases, intent } = setup(() => ({
      x: [],
      y: [],
      count: 0,
      lastT: null,
      gapMs: Infinity,
      error: 'HTTP 500',
    }));
    controller.setIntent(intent);
    await vi.waitFor(() => expect(phases.at(-1)).toEqual({ kind: 'error', message: 'HTTP 500' }));
    controller.destroy();
  });
});

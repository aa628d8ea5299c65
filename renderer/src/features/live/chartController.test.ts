// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveSamples } from '../../live/emitter';
import { setupChart as setup } from '../../testing/chartHarness';
import {
  ARCHIVE_END,
  MIN,
  NOW,
  airTemperature as stream,
  archiveHistory,
} from '../../testing/chartFixtures';

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
    frames.splice(0).forEach((frame) => frame());
    liveSamples.emit({ datastream: stream.key, t: [NOW - 20 * MIN], v: [5] });
    liveSamples.emit({ datastream: stream.key, t: [NOW - 10 * MIN], v: [6] });
    liveSamples.emit({ datastream: 'other.aws.x', t: [NOW], v: [1] });
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(plotly.div().data[0]?.y).toEqual([2, 3, null, 5, 6]);
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
    const { controller, plotly, phases, userRanges, frames, intent } = setup(archiveHistory);
    controller.setIntent(intent);
    await vi.waitFor(() => expect(phases.at(-1)?.kind).toBe('ready'));
    controller.showRange({ from: 0, to: 1000 });
    frames.splice(0).forEach((frame) => frame());
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

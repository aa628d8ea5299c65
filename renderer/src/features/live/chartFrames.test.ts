// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveSamples } from '../../live/emitter';
import { NOW, airTemperature } from '../../testing/chartFixtures';
import { noHistory, setupChart } from '../../testing/chartHarness';
import { parsePlotlyDate } from './plotlyDates';

/** A 50 Hz datastream without data yet, in a following 24 h panel 1,000 px wide (30 s steps). */
const sonic = { ...airTemperature, key: 'sattelberg.sonic.wind_u', lastTime: null, count: 0 };
const send = (t: number[], v: number[]) => liveSamples.emit({ datastream: sonic.key, t, v });

/**
 * plotly's computed axes on the div after each draw, as the real plotly leaves them: the
 * time axis over 1,000 px from the layout's range, a y axis from 0 to 10 over 100 px.
 */
function withDrawnAxes(chart: ReturnType<typeof setupChart>) {
  const react = chart.plotly.react.getMockImplementation()!;
  chart.plotly.react.mockImplementation(async (div, data, layout) => {
    const [from, to] = ((layout.xaxis as { range: string[] }).range ?? []).map(parsePlotlyDate);
    const xaxis = {
      _offset: 64,
      _length: 1000,
      l2p: (t: number) => ((t - from!) / (to! - from!)) * 1000,
    };
    const yaxis = { _offset: 36, _length: 100, l2p: (v: number) => (10 - v) * 10 };
    Object.assign(div, { _fullLayout: { xaxis, yaxis } });
    return react(div, data, layout);
  });
  return chart;
}

/** Lets plotly.react's promise resolve, as it does before the next live message arrives. */
const drawSettled = () => new Promise((resolve) => setImmediate(resolve));

async function livePanel(drawnAxes = false) {
  const chart = setupChart(noHistory, sonic);
  if (drawnAxes) withDrawnAxes(chart);
  chart.controller.setIntent({ ...chart.intent, streams: [sonic] });
  await vi.waitFor(() => expect(chart.phases.at(-1)?.kind).toBe('empty'));
  chart.runFrames();
  return chart;
}

describe('live frames', () => {
  beforeEach(() =>
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] }),
  );
  afterEach(() => vi.useRealTimers());

  it('redraws only when new samples change what is on screen', async () => {
    const { controller, plotly, phases, runFrames } = await livePanel();
    const draws = () => plotly.react.mock.calls.length;
    send([NOW - 1000, NOW - 980, NOW - 960], [1, 3, 2]);
    runFrames();
    expect(phases.at(-1)?.kind).toBe('ready');
    expect(plotly.div().data[0]).toMatchObject({ mode: 'lines', y: [1, 3, 2] });
    const drawn = draws();
    // Same pixel column (86 s wide), within the values already drawn there: no redraw…
    send([NOW - 940], [2.5]);
    runFrames();
    expect(draws()).toBe(drawn);
    // …but the point is in the data, and the next one that shows brings it along.
    send([NOW - 920], [7]);
    runFrames();
    expect(draws()).toBe(drawn + 1);
    expect(plotly.div().data[0]?.y).toEqual([1, 3, 2, 2.5, 7]);
    controller.destroy();
  });

  it('moves the window in whole steps, in the same plotly call as the samples', async () => {
    const { controller, plotly, runFrames, clock, load } = await livePanel();
    const draws = () => plotly.react.mock.calls.length;
    const xRange = () => plotly.div().layout.xaxis as { range: string[] };
    const end = xRange().range[1];
    clock.now = NOW + 10_000;
    send([NOW + 9_000], [1]);
    const before = draws();
    runFrames();
    const drawn = draws();
    expect(drawn).toBe(before + 1);
    expect(xRange().range[1]).toBe('2026-11-25 12:00:30.000');
    expect(plotly.div().data[0]?.y).toEqual([1]);
    // The clock moves on within the step and the slider ticks: the window stays, no redraw.
    clock.now = NOW + 20_000;
    vi.advanceTimersByTime(30_000);
    runFrames();
    expect(draws()).toBe(drawn);
    expect(xRange().range[1]).toBe('2026-11-25 12:00:30.000');
    expect([end, load.mock.calls.length]).toEqual(['2026-11-25 12:00:00.000', 1]);
    controller.destroy();
  });

  it('after a redraw that took 20 ms, waits 380 ms before the next one', async () => {
    const { controller, plotly, runFrames, clock } = await livePanel();
    const draws = () => plotly.react.mock.calls.length;
    clock.drawCost = 20;
    send([NOW - 1000], [1]);
    runFrames();
    const drawn = draws();
    send([NOW - 500], [9]);
    runFrames();
    expect(draws()).toBe(drawn);
    vi.advanceTimersByTime(379);
    clock.drawMs += 379;
    runFrames();
    expect(draws()).toBe(drawn);
    vi.advanceTimersByTime(1);
    clock.drawMs += 1;
    runFrames();
    expect(draws()).toBe(drawn + 1);
    // 500 s apart in a 50 Hz stream: a gap between them.
    expect(plotly.div().data[0]?.y).toEqual([1, null, 9]);
    controller.destroy();
  });

  it('draws samples that fit the drawn axes on the tail, and into plotly within 10 s', async () => {
    const { controller, plotly, runFrames, clock } = await livePanel(true);
    const draws = () => plotly.react.mock.calls.length;
    const tail = () =>
      plotly.div().querySelector('[data-testid=live-tail] path')?.getAttribute('d');
    send([NOW - 200_000, NOW - 199_980], [1, 3]);
    runFrames();
    const drawn = draws();
    // 86 s per pixel: a new extreme in the column, and a new column after a gap, without plotly.
    send([NOW - 199_960, NOW - 100_000, NOW - 99_980], [8, 2, 9]);
    runFrames();
    expect(draws()).toBe(drawn);
    expect(tail()).toMatch(/^M1061.7,126.0V56.0V126.0V56.0M1062.\d,116.0V46.0V116.0V46.0$/);
    // Outside the y range plotly chose: only a full redraw (a new autorange) shows it.
    send([NOW - 900], [12]);
    runFrames();
    expect(draws()).toBe(drawn + 1);
    expect(tail()).toBeUndefined();
    await drawSettled(); // the overlay takes over once plotly's draw has resolved
    send([NOW - 880], [4]);
    runFrames();
    expect(draws()).toBe(drawn + 1);
    clock.drawMs += 10_000;
    vi.advanceTimersByTime(10_000);
    runFrames();
    expect(draws()).toBe(drawn + 2);
    expect(plotly.div().data[0]?.y).toEqual([1, 3, 8, null, 2, 9, null, 12, 4]);
    controller.destroy();
  });
});

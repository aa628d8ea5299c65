// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { testColors } from '../../testing/chartFixtures';
import { LiveFigure } from './liveFigure';

const stream = { key: 's.sonic.u', label: 'u', unit: 'm/s' };
const DAY = 86_400_000;
const WIDTH = 1000; // px: 86.4 s per pixel over a day

function figure(x: number[], y: (number | null)[]) {
  const f = new LiveFigure();
  f.build([stream], [{ x, y }], { from: 0, to: DAY }, testColors);
  return f;
}

/** 50 Hz samples from `t0`, as the appender hands them over. */
function samples(t0: number, n: number) {
  const x = Array.from({ length: n }, (_, i) => t0 + i * 20);
  return { indices: [0], x: [x], y: [x.map((t) => Math.sin(t / 500))] };
}

describe('LiveFigure', () => {
  it('shows markers for a few far-apart points and drops them as samples fill in', () => {
    const f = figure([DAY - 7_200_000, DAY - 60_000], [1, 2]);
    f.updateMarkers(WIDTH);
    expect(f.traces[0]?.mode).toBe('lines+markers');
    f.append(samples(DAY - 50_000, 50), WIDTH);
    expect(f.updateMarkers(WIDTH)).toBe(true);
    expect(f.traces[0]?.mode).toBe('lines');
    expect(f.updateMarkers(WIDTH)).toBe(false);
  });

  it('draws a day of 10-minute data as a plain line', () => {
    const x = Array.from({ length: 144 }, (_, i) => i * 600_000);
    const f = figure(
      x,
      x.map(() => 1),
    );
    f.updateMarkers(WIDTH);
    expect(f.traces[0]?.mode).toBe('lines');
  });

  it('appends into the arrays plotly holds, and compacts them without losing the window', () => {
    const history = Array.from({ length: 100 }, (_, i) => i * 600_000);
    const f = figure(
      history,
      history.map(() => 0),
    );
    const { x } = f.columns[0] ?? { x: [] };
    f.append(samples(DAY - 60_000, 3000), WIDTH);
    expect(f.traces[0]?.x).toBe(x);
    // 3,100 points became the 100 of history and a few per 5 px bucket of the last minute.
    expect(x.length).toBeLessThan(130);
    expect(x[0]).toBe(0);
    expect(x.at(-1)).toBe(DAY - 60_000 + 2999 * 20);
  });

  it('moves the time axis in place and tells plotly the data changed', () => {
    const f = figure([], []);
    f.setRange({ from: DAY, to: 2 * DAY });
    expect(f.layout.xaxis).toMatchObject({
      autorange: false,
      range: ['1970-01-02 00:00:00.000', '1970-01-03 00:00:00.000'],
    });
    f.nextRevision();
    f.nextRevision();
    expect(f.layout.datarevision).toBe(2);
  });

  it('knows the value of a pixel from the autorange plotly wrote back', () => {
    const f = figure([], []);
    (f.layout.yaxis as Record<string, unknown>).range = [0, 10];
    expect(f.valuePerPixel(0, 500)).toBeCloseTo(0.02);
  });
});

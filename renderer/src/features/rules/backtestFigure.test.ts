import { describe, expect, it } from 'vitest';
import { testColors } from '../../testing/chartFixtures';
import { toPlotlyDate } from '../live/plotlyDates';
import { buildBacktestFigure } from './backtestFigure';
import type { InputHistory } from './backtestHistory';
import type { AlertWindow } from './backtestStore';

const H = 3_600_000;
const T0 = Date.UTC(2017, 6, 1);
const RANGE = { from: T0, to: T0 + 24 * H };
const SEVERITY = { critical: '#c00', warning: '#fa0', info: '#0af' };

function input(alias: string, key: string, unit: string): InputHistory {
  return { alias, key, unit, x: [T0, T0 + H, T0 + 2 * H], y: [1, null, 3], count: 3, error: null };
}
function alert(id: string, severity: string, start: number, end: number | null): AlertWindow {
  return {
    id,
    severity,
    startMs: T0 + start * H,
    firingMs: null,
    resolvedMs: end === null ? null : T0 + end * H,
  };
}

describe('the backtest figure', () => {
  const inputs = [
    input('t', 'sattelberg.aws.air_temperature', 'degC'),
    input('rh', 'sattelberg.aws.relative_humidity', '%'),
    input('t2', 'kaserstattalm.aws.air_temperature', 'degC'),
  ];
  const windows = [
    alert('a', 'warning', 2, 3),
    alert('b', 'critical', 5, 6),
    alert('c', 'critical', 20, null),
  ];
  const figure = buildBacktestFigure(inputs, windows, RANGE, testColors, SEVERITY);

  it('draws each input as a line, one y axis per unit, gaps kept', () => {
    const lines = figure.traces.slice(0, 3);
    expect(lines.map((t) => t.uid)).toEqual(inputs.map((i) => i.key));
    expect(lines.map((t) => t.yaxis)).toEqual(['y', 'y2', 'y']);
    expect(lines[0]?.name).toContain('t (sattelberg.aws.air_temperature)');
    expect(lines[0]?.y).toEqual([1, null, 3]);
    expect(lines.every((t) => t.connectgaps === false)).toBe(true);
  });

  it('puts the alert windows on a strip under the inputs, by severity, named in words', () => {
    const bars = figure.traces.slice(3);
    expect(bars.map((t) => t.name)).toEqual(['critical alerts (2)', 'warning alerts (1)']);
    expect(bars.every((t) => t.yaxis === 'y3')).toBe(true);
    // An open window lasts to the end of the range; windows are separated by gaps.
    expect(bars[0]?.x).toEqual([T0 + 5 * H, T0 + 6 * H, null, T0 + 20 * H, RANGE.to, null]);
    expect(bars[0]?.line?.color).toBe('#c00');
    expect(figure.counts).toEqual({ inputs: 3, alerts: 3, traces: 5 });
  });

  it('shades every window over the inputs on the same time axis, over the backtest range', () => {
    const shapes = figure.layout.shapes as Record<string, unknown>[];
    expect(shapes).toHaveLength(3);
    expect(shapes[1]).toMatchObject({
      xref: 'x',
      yref: 'paper',
      x0: toPlotlyDate(T0 + 5 * H),
      x1: toPlotlyDate(T0 + 6 * H),
      fillcolor: '#c00',
    });
    const xaxis = figure.layout.xaxis as Record<string, unknown>;
    expect(xaxis.range).toEqual([toPlotlyDate(RANGE.from), toPlotlyDate(RANGE.to)]);
    expect(xaxis.anchor).toBe('y3');
    // The unit axes stay above the strip, the strip at the bottom.
    const domain = (key: string) => (figure.layout[key] as { domain: number[] }).domain;
    const strip = domain('yaxis3');
    for (const key of ['yaxis', 'yaxis2']) expect(domain(key)[0]).toBeGreaterThan(strip[1] ?? 1);
    expect(strip[0]).toBe(0);
  });

  it('still draws the alerts when no input could be loaded', () => {
    const failed = { ...input('t', 'nowhere.x.y', ''), x: [], y: [], error: 'not found' };
    const alone = buildBacktestFigure([failed], windows.slice(0, 1), RANGE, testColors, SEVERITY);
    expect(alone.counts).toEqual({ inputs: 1, alerts: 1, traces: 2 });
    expect(alone.traces[1]?.yaxis).toBe('y2');
    expect(buildBacktestFigure([], [], RANGE, testColors, SEVERITY).counts.traces).toBe(0);
  });
});

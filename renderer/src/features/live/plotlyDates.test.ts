// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parsePlotlyDate, relayoutIntent, toPlotlyDate } from './plotlyDates';

describe('plotly dates', () => {
  it('reads plotly date strings as UTC, whatever the local zone', () => {
    expect(parsePlotlyDate('2019-06-01 12:30:00.5')).toBe(Date.UTC(2019, 5, 1, 12, 30, 0, 500));
    expect(parsePlotlyDate('2019-06-01 12:30')).toBe(Date.UTC(2019, 5, 1, 12, 30));
    expect(parsePlotlyDate('2019-06-01')).toBe(Date.UTC(2019, 5, 1));
    expect(parsePlotlyDate(1234)).toBe(1234);
    expect(parsePlotlyDate('yesterday')).toBeNull();
  });

  it('round-trips', () => {
    const ms = Date.UTC(2024, 0, 2, 3, 4, 5, 6);
    expect(parsePlotlyDate(toPlotlyDate(ms))).toBe(ms);
  });
});

describe('relayoutIntent', () => {
  it('recognises zoom and pan on the time axis', () => {
    expect(
      relayoutIntent({ 'xaxis.range[0]': '2019-06-01', 'xaxis.range[1]': '2019-06-02' }),
    ).toEqual({
      kind: 'range',
      range: { from: Date.UTC(2019, 5, 1), to: Date.UTC(2019, 5, 2) },
    });
    expect(relayoutIntent({ 'xaxis.range': ['2019-06-02', '2019-06-01'] })).toMatchObject({
      range: { from: Date.UTC(2019, 5, 1) },
    });
  });

  it('recognises a reset, and ignores everything else', () => {
    expect(relayoutIntent({ 'xaxis.autorange': true, 'yaxis.autorange': true })).toEqual({
      kind: 'autorange',
    });
    expect(relayoutIntent({ 'yaxis.range[0]': 1, 'yaxis.range[1]': 2 })).toBeNull();
    expect(relayoutIntent({ autosize: true })).toBeNull();
  });
});

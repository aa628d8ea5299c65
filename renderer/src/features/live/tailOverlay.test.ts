// @vitest-environment jsdom
import type { PlotTrace } from 'plotly.js-basic-dist-min';
import { describe, expect, it } from 'vitest';
import { TailOverlay } from './tailOverlay';

/**
 * A graph div as plotly leaves it: a time axis from 0 to 100 s over 100 px starting at
 * x = 50, a y axis from 0 to 10 over 100 px starting at y = 20 (10 px per unit).
 */
function drawnDiv(): HTMLDivElement {
  const div = document.createElement('div');
  document.body.appendChild(div);
  const axis = (offset: number, l2p: (v: number) => number) => ({
    _offset: offset,
    _length: 100,
    l2p,
  });
  return Object.assign(div, {
    _fullLayout: { xaxis: axis(50, (t) => t / 1000), yaxis: axis(20, (v) => (10 - v) * 10) },
  });
}

const trace = (x: number[], y: number[], extra: Partial<PlotTrace> = {}) =>
  ({ type: 'scatter', mode: 'lines', x, y, line: { color: '#f00', width: 2 }, ...extra }) as const;

function overlayOn(div: HTMLDivElement, traces: PlotTrace[]) {
  const overlay = new TailOverlay(div);
  overlay.reset(traces);
  const path = (i = 0) => div.querySelectorAll('[data-testid=live-tail] path')[i];
  return { overlay, d: (i = 0) => path(i)?.getAttribute('d') ?? null };
}

describe('TailOverlay', () => {
  it('joins new points to the last one plotly drew, one path per pixel column', () => {
    const { overlay, d } = overlayOn(drawnDiv(), [trace([10_000, 40_000], [1, 5])]);
    expect(overlay.add(0, [41_000], [6], 7)).toBe(true);
    overlay.render();
    expect(d()).toBe('M90.0,70.0V70.0V70.0V70.0L91.0,60.0V60.0V60.0V60.0');
    expect(overlay.since).toBe(7);
    // 50 samples within the same column and within what it shows: the path stays.
    const x = Array.from({ length: 50 }, (_, i) => 41_000 + i * 10);
    expect(
      overlay.add(
        0,
        x,
        x.map(() => 5.99),
        8,
      ),
    ).toBe(true);
    overlay.render();
    expect(d()).toBe('M90.0,70.0V70.0V70.0V70.0L91.0,60.0V60.0V60.0V60.0');
    // A new extreme in that column draws it; its last value joins the next column.
    overlay.add(0, [41_600, 42_000], [2, 3], 9);
    overlay.render();
    expect(d()).toBe(
      'M90.0,70.0V70.0V70.0V70.0L91.0,60.0V60.0V100.0V100.0L92.0,90.0V90.0V90.0V90.0',
    );
  });

  it('breaks the line at a gap', () => {
    const { overlay, d } = overlayOn(drawnDiv(), [trace([10_000], [1])]);
    expect(overlay.add(0, [11_000, 11_500, 12_000], [1, null as never, 2], 0)).toBe(true);
    overlay.render();
    expect(d()).toBe(
      'M60.0,110.0V110.0V110.0V110.0L61.0,110.0V110.0V110.0V110.0M62.0,100.0V100.0V100.0V100.0',
    );
  });

  it('leaves to plotly what it cannot draw: off the axes, markers, no axes', () => {
    const div = drawnDiv();
    const { overlay } = overlayOn(div, [
      trace([10_000], [1]),
      trace([10_000], [1], { mode: 'lines+markers' }),
    ]);
    expect(overlay.add(0, [11_000], [11], 0)).toBe(false);
    // Once a point is missing, the rest of that tail waits for the full redraw too.
    expect(overlay.add(0, [12_000], [5], 0)).toBe(false);
    expect(overlay.add(1, [11_000], [5], 0)).toBe(false);
    // Past the end of the time axis drawn (an autoranged axis would have to grow).
    overlay.reset([trace([10_000], [1])]);
    expect(overlay.add(0, [101_000], [5], 0)).toBe(false);
    const bare = new TailOverlay(document.createElement('div'));
    bare.reset([trace([10_000], [1])]);
    expect(bare.add(0, [11_000], [5], 0)).toBe(false);
  });

  it('draws nothing for a trace hidden from the legend, and nothing after suspend', () => {
    const { overlay, d } = overlayOn(drawnDiv(), [
      { ...trace([10_000], [1]), visible: 'legendonly' } as PlotTrace,
      trace([10_000], [1]),
    ]);
    expect(overlay.add(0, [11_000], [5], 0)).toBe(true);
    overlay.render();
    expect(d(0)).toBeNull();
    overlay.suspend();
    expect(overlay.add(1, [11_000], [5], 0)).toBe(false);
  });
});

/**
 * Where plotly put the axes in its last draw, read from the graph div. plotly keeps its
 * computed layout on the div (`_fullLayout`); each axis maps a value to a pixel offset in
 * the figure as `_offset + l2p(value)` (dates: epoch ms), the same mapping plotly draws
 * with. Not a documented API, so everything is checked: without it the live tail is drawn
 * by plotly's own (slower) redraw.
 */
export interface DrawnAxis {
  /** Where the axis starts and how long it is, px from the figure's left (x) or top (y). */
  from: number;
  length: number;
  toPx(value: number): number;
}

interface PlotlyAxis {
  _offset?: unknown;
  _length?: unknown;
  l2p?: unknown;
}

function drawnAxis(axis: PlotlyAxis | undefined): DrawnAxis | null {
  if (!axis) return null;
  const { _offset: from, _length: length, l2p } = axis;
  if (typeof from !== 'number' || typeof length !== 'number' || typeof l2p !== 'function')
    return null;
  if (!(length > 0)) return null;
  return { from, length, toPx: (value) => from + (l2p as (v: number) => number)(value) };
}

/** The time axis and the y axis a trace is drawn on ('y', 'y2', …), or null. */
export function drawnAxes(div: HTMLElement, yaxis: string): { x: DrawnAxis; y: DrawnAxis } | null {
  const full = (div as { _fullLayout?: Record<string, PlotlyAxis | undefined> })._fullLayout;
  if (!full) return null;
  const x = drawnAxis(full.xaxis);
  const y = drawnAxis(full[`yaxis${yaxis.slice(1)}`]);
  return x && y ? { x, y } : null;
}

/** The plot area's top and height in px (all subplots), as plotly laid it out. */
export function drawnPlotArea(div: HTMLElement): { top: number; height: number } | null {
  const full = (div as { _fullLayout?: { _size?: { t?: unknown; h?: unknown } } })._fullLayout;
  const { t, h } = full?._size ?? {};
  return typeof t === 'number' && typeof h === 'number' && h > 0 ? { top: t, height: h } : null;
}

/** Whether `px` lies on the axis (its ends included). */
export function onAxis(axis: DrawnAxis, px: number): boolean {
  return px >= axis.from - 0.5 && px <= axis.from + axis.length + 0.5;
}

import type { PlotTrace } from 'plotly.js-basic-dist-min';
import { drawnAxes, onAxis } from './drawnAxes';
import type { DrawnAxis } from './drawnAxes';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Less than this many px of growth in a column changes no pixel worth a new path. */
const SUBPIXEL = 0.25;

/** One pixel column of a tail, in px: the first and last values drawn there and their span. */
interface Column {
  x: number;
  first: number;
  top: number;
  bottom: number;
  last: number;
}

interface Tail {
  axes: { x: DrawnAxis; y: DrawnAxis };
  /** Runs of columns; a gap starts a new run. */
  runs: Column[][];
  color: string;
  width: number;
  changed: boolean;
}

/**
 * The newest live points, drawn between two full plotly redraws on a small SVG over the
 * plot with plotly's own axis mapping. A full redraw costs 10–40 ms of main thread on a
 * hut PC without a GPU (defaults, axes, legend: the same work for 1 point as for 1,000),
 * over the 16 ms of a frame; a tail is one path attribute per trace. Each tail is reduced
 * to pixel columns (first, top, bottom, last), so its size follows the screen, not the
 * sample rate. A point it cannot draw (off the axes plotly drew, a trace with markers,
 * no axes) returns false: only a full redraw can show it.
 */
export class TailOverlay {
  /** Clock time of the first point drawn here rather than by plotly, or null. */
  since: number | null = null;
  private tails: (Tail | 'hidden' | null)[] = [];
  private svg: SVGSVGElement | null = null;

  constructor(private readonly div: HTMLElement) {}

  /** After plotly drew `traces`: it drew every point so far; tails start at each last point. */
  reset(traces: readonly PlotTrace[]): void {
    this.since = null;
    this.suspend();
    this.tails = traces.map((trace) => this.tailOf(trace));
  }

  /** Until the next reset (a draw under way, a zoom in progress), every point needs plotly. */
  suspend(): void {
    this.tails = [];
    this.svg?.replaceChildren();
  }

  /** Draws points appended to trace `index`, or returns false when a full redraw must. */
  add(index: number, x: readonly number[], y: readonly (number | null)[], now: number): boolean {
    const tail = this.tails[index];
    if (tail === 'hidden') return true;
    if (!tail) return false;
    for (let k = 0; k < x.length; k += 1) {
      const value = y[k];
      if (value === null || value === undefined) {
        if (tail.runs.at(-1)?.length) tail.runs.push([]); // a gap: the line breaks
        continue;
      }
      const [px, py] = [tail.axes.x.toPx(x[k] as number), tail.axes.y.toPx(value)];
      // Off the axes plotly drew: past the window's end until it slides, or data an
      // autoranged axis must grow for. Whether that shows is for the full redraw to decide.
      if (!onAxis(tail.axes.x, px) || !onAxis(tail.axes.y, py)) {
        this.tails[index] = null;
        return false;
      }
      this.since ??= now;
      extend(tail, px, py);
    }
    return true;
  }

  /** Writes the paths of the tails that changed. */
  render(): void {
    this.tails.forEach((tail, index) => {
      if (!tail || tail === 'hidden' || !tail.changed) return;
      tail.changed = false;
      const path = this.pathFor(index);
      path.setAttribute('d', pathData(tail.runs));
      path.setAttribute('stroke', tail.color);
      path.setAttribute('stroke-width', String(tail.width));
    });
  }

  clear(): void {
    this.suspend();
    this.since = null;
    this.svg?.remove();
    this.svg = null;
  }

  private tailOf(trace: PlotTrace & { visible?: unknown }): Tail | 'hidden' | null {
    if (trace.visible === false || trace.visible === 'legendonly') return 'hidden';
    if (trace.mode !== 'lines') return null;
    const axes = drawnAxes(this.div, trace.yaxis ?? 'y');
    if (!axes) return null;
    const tail: Tail = {
      axes,
      runs: [[]],
      color: trace.line?.color ?? 'currentColor',
      width: trace.line?.width ?? 1.5,
      changed: false,
    };
    // The first new point joins the last one plotly drew, as plotly would join them.
    const [t, v] = [trace.x.at(-1), trace.y.at(-1)];
    if (typeof t === 'number' && typeof v === 'number') {
      const [px, py] = [axes.x.toPx(t), axes.y.toPx(v)];
      if (onAxis(axes.x, px) && onAxis(axes.y, py)) extend(tail, px, py);
    }
    tail.changed = false;
    return tail;
  }

  private pathFor(index: number): SVGPathElement {
    const svg = this.ensureSvg();
    while (svg.childNodes.length <= index) {
      const path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke-linejoin', 'round');
      svg.appendChild(path);
    }
    return svg.childNodes[index] as SVGPathElement;
  }

  /** Above plotly's data layer, below its hover labels; created again if plotly rebuilt its DOM. */
  private ensureSvg(): SVGSVGElement {
    if (this.svg && this.div.contains(this.svg)) return this.svg;
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('data-testid', 'live-tail');
    svg.style.cssText =
      'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;overflow:hidden';
    const container = this.div.querySelector('.svg-container') ?? this.div;
    container.insertBefore(svg, container.querySelectorAll('.main-svg')[1] ?? null);
    this.svg = svg;
    return svg;
  }
}

function extend(tail: Tail, px: number, py: number): void {
  const run = tail.runs.at(-1) as Column[];
  const column = run.at(-1);
  if (column && Math.floor(column.x) === Math.floor(px)) {
    column.last = py;
    if (py < column.top - SUBPIXEL || py > column.bottom + SUBPIXEL) tail.changed = true;
    column.top = Math.min(column.top, py);
    column.bottom = Math.max(column.bottom, py);
    return;
  }
  run.push({ x: px, first: py, top: py, bottom: py, last: py });
  tail.changed = true;
}

function pathData(runs: readonly Column[][]): string {
  const f = (n: number) => n.toFixed(1);
  return runs
    .filter((run) => run.length > 0)
    .map((run) =>
      run
        .map(
          (c, i) =>
            `${i === 0 ? 'M' : 'L'}${f(c.x)},${f(c.first)}V${f(c.top)}V${f(c.bottom)}V${f(c.last)}`,
        )
        .join(''),
    )
    .join('');
}

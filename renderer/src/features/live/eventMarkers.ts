import type { ChartEvent } from './chartEvents';
import { drawnAxes, drawnPlotArea, onAxis } from './drawnAxes';

/**
 * Alerts, jobs and commands as marks on the time axis: a thin line across the plot at the
 * event's time and a link at its top to the page that has it. Plain DOM over plotly's
 * figure, placed with the axis mapping of plotly's last draw, so placing them costs no
 * plotly redraw; events outside the window are not shown.
 */
export class EventMarkers {
  private events: readonly ChartEvent[] = [];
  private layer: HTMLDivElement | null = null;

  constructor(private readonly div: HTMLElement) {}

  set(events: readonly ChartEvent[]): void {
    this.events = events;
    this.place();
  }

  /** After each plotly draw (the window or the size changed). */
  place(): void {
    const axes = drawnAxes(this.div, 'y');
    const area = drawnPlotArea(this.div);
    const layer = this.ensureLayer();
    layer.replaceChildren();
    if (!axes || !area) return;
    for (const event of this.events) {
      const x = axes.x.toPx(event.atMs);
      if (!onAxis(axes.x, x)) continue;
      layer.appendChild(markerOf(event, x, area));
    }
    layer.dataset.count = String(layer.childElementCount);
  }

  /** While plotly moves the plot under them (a drag), until the next place(). */
  hide(): void {
    this.layer?.replaceChildren();
  }

  clear(): void {
    this.layer?.remove();
    this.layer = null;
  }

  private ensureLayer(): HTMLDivElement {
    if (this.layer && this.div.contains(this.layer)) return this.layer;
    const layer = document.createElement('div');
    layer.className = 'chart-markers';
    layer.dataset.testid = 'chart-markers';
    this.div.appendChild(layer);
    this.layer = layer;
    return layer;
  }
}

function markerOf(event: ChartEvent, x: number, area: { top: number; height: number }) {
  const marker = document.createElement('a');
  marker.className = `chart-marker chart-marker--${event.kind}`;
  marker.href = event.href;
  marker.title = `${event.label}\n${new Date(event.atMs).toISOString().slice(0, 19)}Z`;
  marker.setAttribute('aria-label', event.label);
  Object.assign(marker.dataset, { testid: 'chart-marker', kind: event.kind, id: event.id });
  marker.style.left = `${x.toFixed(1)}px`;
  marker.style.top = `${area.top}px`;
  marker.style.height = `${area.height}px`;
  return marker;
}

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Job } from '../../api/controlRoom';
import { jobEvent } from './chartEvents';
import type { ChartEvent } from './chartEvents';
import { EventMarkers } from './eventMarkers';

/** A graph div as plotly leaves it: 0–100 s over 100 px from x = 50; plot area 30 px down, 200 high. */
function drawnDiv(): HTMLDivElement {
  const axis = { _offset: 50, _length: 100, l2p: (t: number) => t / 1000 };
  const yaxis = { _offset: 30, _length: 200, l2p: (v: number) => v };
  return Object.assign(document.createElement('div'), {
    _fullLayout: { xaxis: axis, yaxis, _size: { t: 30, h: 200 } },
  });
}

const event = (kind: ChartEvent['kind'], id: string, atMs: number): ChartEvent => ({
  kind,
  id,
  atMs,
  label: `${kind} ${id}`,
  href: `#/${kind}s/${id}`,
});

describe('EventMarkers', () => {
  it('marks the events inside the window where plotly put their time, each a link', () => {
    const div = drawnDiv();
    const markers = new EventMarkers(div);
    markers.set([
      event('alert', 'a1', 20_000),
      event('job', 'j1', 250_000),
      event('command', 'c1', 99_500),
    ]);
    const shown = [...div.querySelectorAll<HTMLAnchorElement>('[data-testid=chart-marker]')];
    expect(
      shown.map((m) => [m.dataset.kind, m.dataset.id, m.style.left, m.getAttribute('href')]),
    ).toEqual([
      ['alert', 'a1', '70px', '#/alerts/a1'],
      ['command', 'c1', '149.5px', '#/commands/c1'],
    ]);
    expect(shown[0]?.style.top).toBe('30px');
    expect(shown[0]?.style.height).toBe('200px');
    markers.hide();
    expect(div.querySelectorAll('[data-testid=chart-marker]')).toHaveLength(0);
    markers.place();
    expect(div.querySelectorAll('[data-testid=chart-marker]')).toHaveLength(2);
  });

  it('shows nothing before plotly drew the axes', () => {
    const div = document.createElement('div');
    new EventMarkers(div).set([event('alert', 'a1', 20_000)]);
    expect(div.querySelectorAll('[data-testid=chart-marker]')).toHaveLength(0);
  });

  it('puts a rule job at the measurement that triggered it, a job by hand at its queueing', () => {
    const job = { id: 'j', type: 'notify', state: 'queued', createdMs: 5_000 } as Job;
    expect(jobEvent({ ...job, origin: {} })?.atMs).toBe(5_000);
    const triggered = { ...job, origin: { trigger: { startMs: 1_000, atMs: 2_000 } } };
    expect(jobEvent(triggered)?.atMs).toBe(2_000);
    expect(jobEvent({ ...job, origin: {}, createdMs: undefined })).toBeNull();
  });
});

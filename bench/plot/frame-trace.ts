import type { CDPSession, Page } from '@playwright/test';

/**
 * Main-thread time per frame, from a Chromium trace of the page's renderer.
 *
 * Why a trace: the page itself cannot see how long its main thread is busy. rAF intervals
 * only show frames that were late, and long-animation-frame / longtask entries only exist
 * above 50 ms, far above the 16 ms budget. The trace has every top-level task of the
 * renderer's main thread (`toplevel`: ThreadControllerImpl::RunTask, which holds script,
 * WebSocket messages, style, layout and paint) and the start of every main-thread frame
 * (BeginMainThreadFrame). A frame's time is the busy time of the main thread from its start
 * to the next frame's start: live-message handling between frames is counted with the frame
 * it delays. Only these two categories are recorded, so tracing itself costs little, and the
 * idle reference is traced the same way.
 */
const CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline.frame'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread CPU time of the event: below `dur` when other processes had the core. */
  tdur?: number;
}

/** One complete frame of the page's main thread. */
export interface Frame {
  /** Seconds since the first frame of the trace. */
  atS: number;
  /** Main-thread busy time (wall clock): what delays the next frame. */
  wallMs: number;
  /** Of which the thread was on a CPU: the rest it waited for a core. */
  cpuMs: number;
}

export interface FrameTrace {
  /** Stops tracing and returns each complete frame. */
  stop(): Promise<Frame[]>;
}

export async function startFrameTrace(page: Page): Promise<FrameTrace> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  return {
    async stop() {
      const complete = new Promise<{ stream?: string }>((resolve) =>
        cdp.once('Tracing.tracingComplete', resolve),
      );
      await cdp.send('Tracing.end');
      const { stream } = await complete;
      if (!stream) throw new Error('Chromium returned no trace stream');
      const events = (JSON.parse(await readStream(cdp, stream)) as { traceEvents: TraceEvent[] })
        .traceEvents;
      await cdp.detach();
      return framesOf(events);
    },
  };
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  const parts: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 4 << 20 });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return parts.join('');
}

/** The frames of the renderer main thread that started the most frames (the page's). */
export function framesOf(events: TraceEvent[]): Frame[] {
  const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const frameStarts = new Map<string, number[]>();
  for (const e of events) {
    if (e.name !== 'BeginMainThreadFrame') continue;
    const starts = frameStarts.get(thread(e)) ?? [];
    frameStarts.set(thread(e), starts);
    starts.push(e.ts);
  }
  const [main, starts] = [...frameStarts].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!main || !starts || starts.length < 2) throw new Error('the trace holds no page frames');
  starts.sort((a, b) => a - b);
  const tasks = events
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && thread(e) === main)
    .map((e) => ({ from: e.ts, to: e.ts + (e.dur ?? 0), cpu: (e.tdur ?? 0) / (e.dur || 1) }))
    .sort((a, b) => a.from - b.from);
  const frames = starts
    .slice(0, -1)
    .map((ts) => ({ atS: (ts - (starts[0] as number)) / 1e6, wallMs: 0, cpuMs: 0 }));
  let coveredUntil = -Infinity; // nested run loops: count each microsecond once
  for (const task of tasks) {
    const from = Math.max(task.from, coveredUntil);
    if (task.to <= from) continue;
    coveredUntil = task.to;
    // The frame is the last one started before the task ended: a task that begins a frame
    // (BeginMainThreadFrame is emitted inside it) belongs to that frame, any other task to
    // the frame it runs in. Tasks before the first or in the last, unfinished frame are left out.
    const frame = frames[lastBefore(starts, task.to)];
    if (!frame) continue;
    frame.wallMs += (task.to - from) / 1000;
    frame.cpuMs += ((task.to - from) * Math.min(1, task.cpu)) / 1000;
  }
  return frames;
}

/** Index of the last element of sorted `values` below `limit`, or -1. */
function lastBefore(values: number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] as number) < limit) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

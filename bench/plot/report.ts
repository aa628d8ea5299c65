import type { FollowResult } from './follow';
import type { Frame } from './frame-trace';
import type { OpenRun } from './open-year';

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? NaN;
}

const wall = (frames: Frame[]) => frames.map((f) => f.wallMs);

/** Frame times by 10 s of the follow phase: the panel's cost grows as its traces fill up. */
function byWindow(frames: Frame[]): string {
  const windows: string[] = [];
  for (let from = 0; frames.some((f) => f.atS >= from); from += 10) {
    const inside = wall(frames.filter((f) => f.atS >= from && f.atS < from + 10));
    windows.push(
      `${from}–${from + 10} s: ${inside.length} frames, p50 ${percentile(inside, 0.5).toFixed(0)} ms`,
    );
  }
  return windows.join('; ');
}

/** Prints the details on stderr and returns the bench's JSON line. */
export function report(
  opens: OpenRun[],
  follow: FollowResult,
  context: { database: string },
  log: (line: string) => void,
): Record<string, unknown> {
  const open = percentile(
    opens.map((o) => o.openMs),
    0.5,
  );
  const fetchOnly = percentile(
    opens.map((o) => o.fetchOnlyMs),
    0.5,
  );
  const frames = wall(follow.followFrames);
  const p99 = percentile(frames, 0.99);
  const idleP99 = percentile(wall(follow.idleFrames), 0.99);
  const cpuP99 = percentile(
    follow.followFrames.map((f) => f.cpuMs),
    0.99,
  );
  const fps = frames.length / follow.followSeconds;
  const idleFps = follow.idleFrames.length / follow.idleSeconds;
  const { feeder, plotted } = follow;
  log(
    `  follow  p99 ${p99.toFixed(1)} ms/frame (on a CPU ${cpuP99.toFixed(1)} ms), ` +
      `p50 ${percentile(frames, 0.5).toFixed(1)} ms, ${fps.toFixed(1)} frames/s`,
  );
  log(`          ${byWindow(follow.followFrames)}`);
  log(`  idle    p99 ${idleP99.toFixed(1)} ms/frame, ${idleFps.toFixed(1)} frames/s`);
  log(
    `  feed    ${feeder.samples} samples in ${feeder.requests} requests, answer p99 ` +
      `${percentile(feeder.answerMs, 0.99).toFixed(0)} ms; plot ${plotted.points} points/trace, ` +
      `newest ${plotted.behindMs ?? '?'} ms behind the newest sample sent`,
  );
  log(`  open    ${open.toFixed(0)} ms (median), fetch+parse only ${fetchOnly.toFixed(0)} ms`);
  log(
    `  targets p99 < 16 ms: ${p99 < 16 ? 'met' : 'missed'}; ` +
      `open < 1,000 ms: ${open < 1000 ? 'met' : 'missed'}`,
  );
  return {
    bench: 'plot',
    p99_frame_ms: round(p99),
    idle_p99_frame_ms: round(idleP99, 2),
    frame_ratio: round(p99 / idleP99, 2),
    p99_frame_cpu_ms: round(cpuP99),
    frames_per_s: round(fps),
    idle_frames_per_s: round(idleFps),
    open_year_ms: Math.round(open),
    open_year_fetch_ms: Math.round(fetchOnly),
    open_ratio: round(open / fetchOnly, 2),
    samples_per_s: Math.round(feeder.samples / feeder.seconds),
    follow_s: follow.followSeconds,
    open_runs: opens.length,
    database: context.database,
  };
}

import type { Job } from '../../api/controlRoom';
import { useCatalog } from '../../state/catalog';
import { useRoute } from '../../state/route';
import { allKeys, MAX_SELECTED, useSelection, type TimeRange } from '../../state/selection';
import { presetRange } from '../live/timeRange';

/** What the Live page should show for a job: its datastreams over the window that caused it. */
export interface LiveView {
  keys: string[];
  range: TimeRange;
}

const HOUR = 3_600_000;

function stringsOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).filter((v): v is string => typeof v === 'string' && v.includes('.'));
}

/**
 * The Live view of a job: the trigger window of a rule's job (or the release window of one
 * asked for by hand), with room on both sides to see what came before and after, on the
 * measured wind it ran on and the datastreams of the rule's scope.
 */
export function liveViewOf(
  job: Pick<Job, 'origin' | 'params'>,
  ruleScope: Record<string, unknown> = {},
): LiveView | null {
  const model = (job.params.model ?? {}) as { releaseStart?: unknown; releaseEnd?: unknown };
  const trigger = job.origin.trigger;
  const from = trigger?.startMs ?? model.releaseStart;
  const to = trigger?.atMs ?? model.releaseEnd;
  if (typeof from !== 'number' || typeof to !== 'number' || !(from <= to)) return null;
  const keys = [...new Set([...stringsOf(job.params.wind), ...stringsOf(ruleScope)])];
  if (keys.length === 0) return null;
  const margin = Math.max(HOUR, (to - from) / 2);
  return { keys: keys.slice(0, MAX_SELECTED), range: { from: from - margin, to: to + margin } };
}

/** Opens the Live page on those datastreams, fixed on that range (not following the clock). */
export function openLiveAt(view: LiveView): void {
  useSelection.getState().showOnly(view.keys, view.range);
  useRoute.getState().navigate('live');
}

/** The range the Live page shows now: the zoomed one, or the preset's window. */
export function liveRangeInView(): TimeRange | null {
  const { customRange, preset, panels } = useSelection.getState();
  if (customRange) return customRange;
  const keys = allKeys(panels);
  const times = useCatalog
    .getState()
    .datastreams.filter((d) => keys.includes(d.key) && d.lastTime !== null)
    .map((d) => Date.parse(d.lastTime as string));
  return presetRange(preset, times.length ? Math.max(...times) : null, Date.now());
}

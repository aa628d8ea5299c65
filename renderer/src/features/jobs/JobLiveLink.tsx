import { useState } from 'react';
import { routePath, routes } from '../../../../core/contracts/http';
import { getJson } from '../../api/client';
import type { Job } from '../../api/controlRoom';
import { formatUtc } from '../../format';
import { liveViewOf, openLiveAt } from './liveLink';

/** The rule's scope (its datastreams by name), or nothing when the rule is gone. */
async function scopeOfRule(ruleId: string | undefined): Promise<Record<string, unknown>> {
  if (ruleId === undefined) return {};
  try {
    const rule = await getJson(routePath('rule', { id: ruleId }), routes.rule.response);
    const scope = rule.document.scope;
    return typeof scope === 'object' && scope !== null ? (scope as Record<string, unknown>) : {};
  } catch {
    // The link still shows the wind the run used.
    return {};
  }
}

/** "Show on the Live page": the time series and window that led to this job. */
export function JobLiveLink({ job }: { job: Job }) {
  const [opening, setOpening] = useState(false);
  const view = liveViewOf(job);
  if (view === null) return null;
  const label = job.origin.trigger
    ? 'Show the trigger on the Live page'
    : 'Show the release window on the Live page';
  return (
    <button
      type="button"
      className="button"
      disabled={opening}
      title={`${view.keys.join(', ')} from ${formatUtc(view.range.from)} to ${formatUtc(view.range.to)}`}
      data-testid="job-open-live"
      onClick={() => {
        setOpening(true);
        void scopeOfRule(job.origin.ruleId).then((scope) => {
          openLiveAt(liveViewOf(job, scope) ?? view);
        });
      }}
    >
      {label}
    </button>
  );
}

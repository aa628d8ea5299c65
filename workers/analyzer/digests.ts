import { deterministicId, type JobRequest } from '../../core/contracts/jobs';
import { encodeMessage } from '../../core/contracts/topics';
import { durationMs } from '../../core/rules/index';
import type { Bus } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import { insertJob } from '../../infra/jobs/job-store';
import { getPreferences } from '../../infra/rules/preferences-store';

/** Subjects listed in a digest; the rest are counted. */
const MAX_LISTED = 50;

interface Held {
  recipient: string;
  firstId: string;
  firstAtMs: number;
  ids: string[];
  subjects: string[];
}

/**
 * Sends what an alert storm held back: once a user's storm window has passed since the
 * first held notification, one `notify` job lists them all. Its id derives from that
 * first one, so doing this again after a crash (before the held ones were marked) makes
 * the same job, which the runner never sends twice. Returns the digests queued.
 */
export async function sendDueDigests(db: Database, bus: Bus, nowMs: number): Promise<number> {
  const { rows } = await db.query<Held>(
    `SELECT origin->>'recipient' AS recipient, (array_agg(id ORDER BY created_at, id))[1] AS "firstId",
       (extract(epoch FROM min(created_at)) * 1000)::float8 AS "firstAtMs",
       array_to_json(array_agg(id ORDER BY created_at, id)) AS ids,
       array_to_json(array_agg(coalesce(params->>'subject', id) ORDER BY created_at, id)) AS subjects
     FROM jobs WHERE type = 'notify' AND result ? 'heldFor' AND NOT result ? 'digestJob'
     GROUP BY 1`,
  );
  let sent = 0;
  for (const held of rows) {
    const preferences = await getPreferences(db, held.recipient);
    if (nowMs - held.firstAtMs < durationMs(preferences.storm.window)) continue;
    const id = deterministicId('digest', held.recipient, held.firstId);
    const listed = held.subjects.slice(0, MAX_LISTED).map((subject) => `- ${subject}`);
    const more = held.subjects.length - listed.length;
    const request: JobRequest = {
      queue: 'jobs.sod',
      type: 'notify',
      params: {
        subject: `${held.subjects.length} more alerts for ${held.recipient}`,
        text: [...listed, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n'),
        severity: 'warning',
        channels: preferences.channels,
      },
      origin: { user: 'digest', recipient: held.recipient },
    };
    await insertJob(db, id, request);
    const value = encodeMessage('jobs.sod', {
      v: 1,
      id,
      type: 'notify',
      at: new Date(nowMs).toISOString(),
      payload: request,
    });
    await bus.publish('jobs.sod', [{ key: id, value }]);
    await db.query(
      `UPDATE jobs SET result = result || jsonb_build_object('digestJob', $1::text)
       WHERE id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
      [id, JSON.stringify(held.ids)],
    );
    sent++;
  }
  return sent;
}

import type { Observation } from '../../core/domain/observation';
import type { AlertEvent, JobRequest, RuleEngine } from '../../core/rules/index';
import type { Queryable } from '../../infra/db/types';
import { storedObservations } from './stored-observations';

export interface CatchUpOutput {
  events: AlertEvent[];
  jobs: JobRequest[];
  observations: number;
}

/** Where each input of a rule starts reading stored data (by input position in scope order). */
export type CatchUpStart = ({ afterMs: number } | { fromMs: number })[];

/**
 * Brings an engine up to what is stored: every observation of its inputs from `start`,
 * merged in measurement time as one stream would deliver them. What the bus later
 * delivers again is then dropped by the engine as a repeat, so a checkpoint older than the
 * committed offsets (a crash between the two) loses nothing and doubles nothing.
 */
export async function catchUp(
  db: Queryable,
  engine: RuleEngine,
  start: CatchUpStart,
  arrivalTimeMs: number,
): Promise<CatchUpOutput> {
  const cursors = engine.datastreams.map((key, i) => ({
    pages: storedObservations(db, key, start[i] ?? { fromMs: -Infinity }),
    page: [] as Observation[],
    next: 0,
    done: false,
  }));
  const output: CatchUpOutput = { events: [], jobs: [], observations: 0 };
  const refill = async (cursor: (typeof cursors)[number]) => {
    if (cursor.done || cursor.next < cursor.page.length) return;
    const page = await cursor.pages.next();
    if (page.done) cursor.done = true;
    else [cursor.page, cursor.next] = [page.value, 0];
  };
  for (;;) {
    let chosen: (typeof cursors)[number] | undefined;
    for (const cursor of cursors) {
      await refill(cursor);
      const head = cursor.page[cursor.next];
      if (!cursor.done && head && (!chosen || head.timeMs < chosen.page[chosen.next]!.timeMs)) {
        chosen = cursor;
      }
    }
    if (!chosen) return output;
    const observation = chosen.page[chosen.next++]!;
    const result = engine.ingest(observation, arrivalTimeMs);
    output.observations++;
    for (const event of result.events) output.events.push(event);
    for (const job of result.jobs) output.jobs.push(job);
  }
}

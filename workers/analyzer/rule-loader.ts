import {
  createRuleEngine,
  engineSnapshotSchema,
  ruleFingerprint,
  ruleSchema,
  warmUpMs,
  type Rule,
} from '../../core/rules/index';
import type { Queryable } from '../../infra/db/types';
import type { Checkpoint } from '../../infra/rules/checkpoint-store';
import type { StoredRule } from '../../infra/rules/rule-store';
import type { CatchUpStart } from './catch-up';
import type { ActiveRule } from './rule-set';
import { newestTimeOf } from './stored-observations';

export interface PreparedRule {
  active: ActiveRule;
  /** Where catching up on stored data starts, per input; null when nothing is to be read. */
  start: CatchUpStart | null;
}

/** Parses a stored rule; a document that no longer parses (an older format) is reported, not run. */
export function parseStoredRule(stored: StoredRule): Rule | string {
  const parsed = ruleSchema.safeParse({ ...stored.document, id: stored.id, owner: stored.owner });
  return parsed.success ? parsed.data : parsed.error.message;
}

/**
 * An engine for a rule, in the best state at hand: the running engine's state when only
 * the actions or texts changed; else its checkpoint when it is of this rule version;
 * else fresh, warmed up on the stored data before the newest observation, from which it
 * evaluates (a new or changed rule does not raise alerts about the past).
 */
export async function prepareRule(
  db: Queryable,
  rule: Rule,
  version: number,
  running: ActiveRule | undefined,
  checkpoint: Checkpoint | undefined,
): Promise<PreparedRule> {
  const fingerprint = ruleFingerprint(rule);
  const make = (engine: ActiveRule['engine']): ActiveRule => ({
    rule,
    engine,
    fingerprint,
    version,
    dirty: true,
    broken: null,
  });
  if (running && running.fingerprint === fingerprint && !running.broken) {
    return {
      active: make(createRuleEngine(rule, { snapshot: running.engine.snapshot() })),
      start: null,
    };
  }
  const snapshot =
    checkpoint?.fingerprint === fingerprint
      ? engineSnapshotSchema.safeParse(checkpoint.snapshot)
      : undefined;
  const keys = Object.values(rule.scope);
  const newest = (await Promise.all(keys.map((key) => newestTimeOf(db, key)))).filter(
    (t): t is number => t !== null,
  );
  const newestMs = newest.length > 0 ? Math.max(...newest) : null;
  const warmUpFrom = newestMs === null ? -Infinity : newestMs - warmUpMs(rule);
  if (snapshot?.success) {
    const engine = createRuleEngine(rule, { snapshot: snapshot.data });
    // An input that had received nothing at the checkpoint reads everything stored since the
    // engine started evaluating (and its warm-up): all of that arrived after the checkpoint.
    const { evaluateFromMs } = snapshot.data;
    const sinceStart =
      typeof evaluateFromMs === 'number' ? evaluateFromMs - warmUpMs(rule) : -Infinity;
    const start = snapshot.data.inputs.map((input) =>
      input.receivedMs === null ? { fromMs: sinceStart } : { afterMs: input.receivedMs },
    );
    return { active: make(engine), start };
  }
  const engine = createRuleEngine(rule, newestMs === null ? {} : { evaluateFromMs: newestMs + 1 });
  return { active: make(engine), start: keys.map(() => ({ fromMs: warmUpFrom })) };
}

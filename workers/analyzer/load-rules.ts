import type { Rule } from '../../core/rules/index';
import type { Queryable } from '../../infra/db/types';
import type { Checkpoint } from '../../infra/rules/checkpoint-store';
import { catchUp, type CatchUpOutput } from './catch-up';
import { prepareRule } from './rule-loader';
import type { ActiveRule } from './rule-set';

/** Rules whose database reads run at the same time: a few, the pool serves ingest too. */
const CONCURRENT_LOADS = 4;

export interface RuleToLoad {
  rule: Rule;
  version: number;
  running: ActiveRule | undefined;
  checkpoint: Checkpoint | undefined;
}

export interface LoadedRule {
  active: ActiveRule;
  /** What catching up on stored data produced; null when there was nothing to read. */
  caught: CatchUpOutput | null;
}

/**
 * Engines for changed rules, each caught up on stored data (see prepareRule, catchUp).
 * Each rule's reads are a few round trips to the database of its own, and at start-up a
 * deployment loads all its rules: a few rules at a time take a fraction of the time of one
 * after another. Engines are independent, so the order they load in changes nothing;
 * the results come back in the order of `rules`.
 */
export async function loadRules(
  db: Queryable,
  rules: readonly RuleToLoad[],
  arrivalTimeMs: number,
): Promise<LoadedRule[]> {
  const loaded = new Array<LoadedRule>(rules.length);
  let next = 0;
  const worker = async () => {
    while (next < rules.length) {
      const i = next++;
      const { rule, version, running, checkpoint } = rules[i]!;
      const prepared = await prepareRule(db, rule, version, running, checkpoint);
      const caught = prepared.start
        ? await catchUp(db, prepared.active.engine, prepared.start, arrivalTimeMs)
        : null;
      loaded[i] = { active: prepared.active, caught };
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_LOADS }, worker));
  return loaded;
}

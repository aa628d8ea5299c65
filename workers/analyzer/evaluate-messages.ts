import type { AlertEvent, EngineOutput, JobRequest } from '../../core/rules/index';
import type { ConsumedMessage } from '../../infra/bus/types';
import { decodeObservation } from '../../core/contracts/decode-observation';
import type { ActiveRule, RuleSet } from './rule-set';

export interface Evaluated {
  events: AlertEvent[];
  jobs: JobRequest[];
  /** Messages that are no observation, for dead-letter. */
  bad: { message: ConsumedMessage; error: string }[];
}

/**
 * The analyzer's hot path: every observation of a batch through the engines that read it.
 * Synchronous, with index loops and no closure per observation and rule, so that it is
 * optimised as one piece and allocates little beyond the decoded observations. An engine
 * that throws is handed to `onRuleError` and skipped; the others go on.
 */
export function evaluateMessages(
  rules: RuleSet,
  messages: readonly ConsumedMessage[],
  nowMs: number,
  onRuleError: (active: ActiveRule, error: Error) => void,
): Evaluated {
  const result: Evaluated = { events: [], jobs: [], bad: [] };
  const { events, jobs } = result;
  for (let m = 0; m < messages.length; m++) {
    const message = messages[m]!;
    const observation = decodeObservation(message.value);
    if ('error' in observation) {
      result.bad.push({ message, error: observation.error });
      continue;
    }
    const readers = rules.readersOf(observation.datastream);
    if (readers === undefined) continue;
    for (let r = 0; r < readers.length; r++) {
      const active = readers[r]!;
      if (active.broken) continue;
      let output: EngineOutput;
      try {
        output = active.engine.ingest(observation, nowMs);
      } catch (error) {
        onRuleError(active, error as Error);
        continue;
      }
      active.dirty = true;
      const { events: newEvents, jobs: newJobs } = output;
      for (let i = 0; i < newEvents.length; i++) events.push(newEvents[i]!);
      for (let i = 0; i < newJobs.length; i++) jobs.push(newJobs[i]!);
    }
  }
  return result;
}

// Users' rules: the rule model, its expression language, the engine that runs a rule on
// measurement time, and backtests. Pure: no I/O, no clock (time comes in as arguments).

export { actionSchema, JOB_QUEUES, type Action, type JobQueue } from './action-schema';
export {
  backtest,
  type BacktestOptions,
  type BacktestRange,
  type BacktestResult,
} from './backtest';
export {
  AGGREGATES,
  comparisonSchema,
  conditionSchema,
  type Aggregate,
  type Comparison,
  type Condition,
  type ConditionKind,
} from './condition-schema';
export { durationMs, durationSchema, formatDuration } from './duration';
export {
  acknowledge,
  applyAlertEvent,
  shelve,
  shouldNotify,
  type Acknowledgement,
  type AlertRecord,
  type AlertStatus,
} from './engine/alert-lifecycle';
export type { AlertTransition } from './engine/alert-machine';
export { ruleFingerprint, stableJson, warmUpMs } from './engine/compile-rule';
export { alertIdOf, type AlertEvent, type EngineOutput, type JobRequest } from './engine/events';
export { createRuleEngine, type RuleEngine, type RuleEngineOptions } from './engine/rule-engine';
export { engineSnapshotSchema, type EngineSnapshot } from './engine/snapshot';
export * from './expression/index';
export { ruleProblems, type RuleProblem } from './rule-checks';
export {
  noiseSchema,
  parseRule,
  ruleSchema,
  type Noise,
  type Rule,
  type RuleInput,
  type Severity,
  type Visibility,
} from './rule-schema';
export { inSchedule, scheduleSchema, type Schedule } from './schedule';
export { renderTemplate, TEMPLATE_FIELDS, type TemplateValue } from './template';

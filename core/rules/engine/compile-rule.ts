import { durationMs } from '../duration';
import type { Rule } from '../rule-schema';
import type { NoiseSettings } from './alert-machine';
import { compileCondition, type CompiledCondition, type ConditionNeeds } from './conditions';
import type { MissingWatch } from './missing-deadline';

/** A rule ready to run: durations in milliseconds, conditions compiled to functions. */
export interface CompiledRule {
  rule: Rule;
  /** Input aliases in scope order; engine state is kept per input in this order. */
  inputs: string[];
  inputByDatastream: Map<string, number>;
  condition: CompiledCondition;
  clear: CompiledCondition | null;
  /** Per input (same order), how far back from the newest value windows reach. */
  retentionMs: number[];
  /** Missing-data conditions and the input (index) each watches. */
  missing: { input: number; watch: MissingWatch }[];
  noise: NoiseSettings;
  latenessMs: number;
  staleAfterMs: number;
  horizonMs: number;
}

export function compileRule(rule: Rule): CompiledRule {
  const inputs = Object.keys(rule.scope);
  const inputByDatastream = new Map(Object.values(rule.scope).map((key, i) => [key, i]));
  const needs: ConditionNeeds = { retentionMs: new Map(), missing: [] };
  const condition = compileCondition(rule.condition, inputs, needs);
  const { clear: clearCondition, flap } = rule.noise;
  const clear = clearCondition ? compileCondition(clearCondition, inputs, needs) : null;
  return {
    rule,
    inputs,
    inputByDatastream,
    condition,
    clear,
    retentionMs: inputs.map((input) => needs.retentionMs.get(input) ?? 0),
    missing: needs.missing.map((watch) => ({ input: inputs.indexOf(watch.input), watch })),
    noise: {
      minDurationMs: durationMs(rule.noise.minDuration),
      cooldownMs: durationMs(rule.noise.cooldown),
      hasClear: clear !== null,
      flap: flap
        ? { windowMs: durationMs(flap.window), maxTransitions: flap.maxTransitions }
        : null,
    },
    latenessMs: durationMs(rule.lateness),
    staleAfterMs: durationMs(rule.staleAfter),
    horizonMs: durationMs(rule.horizon),
  };
}

/** How much history before a backtest's start fills every window of the rule. */
export function warmUpMs(rule: Rule): number {
  const compiled = compileRule(rule);
  const watches = compiled.missing.map(({ watch }) => watch.thresholdMs);
  return Math.max(compiled.staleAfterMs, ...compiled.retentionMs, ...watches);
}

/**
 * A short hash of everything that shapes engine state. A checkpoint of another version of
 * the rule cannot be resumed: its windows and alert would mean something else.
 */
export function ruleFingerprint(rule: Rule): string {
  const { scope, condition, noise, lateness, staleAfter, horizon, schedule } = rule;
  const text = stableJson({ scope, condition, noise, lateness, staleAfter, horizon, schedule });
  // FNV-1a, 32 bits: a change detector, not a security measure.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** JSON with object keys sorted: equal values give equal texts, whatever the key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

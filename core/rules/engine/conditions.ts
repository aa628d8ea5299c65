import type { Comparison, Condition } from '../condition-schema';
import { durationMs } from '../duration';
import { compileExpression } from '../expression/evaluator';
import { checkExpression } from '../expression/type-checker';
import type { InstantView } from './instant-view';
import { isMissing, missingWatch, type MissingWatch } from './missing-deadline';

/** Three-valued: null when the inputs do not tell (stale, empty window, 1 / 0). */
export type Truth = boolean | null;

/**
 * A condition compiled to a function of the view. `holding` is true while the alert fires:
 * thresholds then compare with their recovery levels (hysteresis).
 */
export type CompiledCondition = (view: InstantView, holding: boolean) => Truth;

/** What the engine must keep and watch for a rule's conditions. */
export interface ConditionNeeds {
  /** Per input, how far back windows reach from the newest value. */
  retentionMs: Map<string, number>;
  missing: MissingWatch[];
}

function keep(needs: ConditionNeeds, input: string, ms: number): void {
  needs.retentionMs.set(input, Math.max(needs.retentionMs.get(input) ?? 0, ms));
}

function compare(x: number | null, c: Comparison, holding: boolean): Truth {
  if (x === null) return null;
  switch (c.op) {
    case 'above':
      return x > (holding && c.recovery !== undefined ? c.recovery : c.value);
    case 'below':
      return x < (holding && c.recovery !== undefined ? c.recovery : c.value);
    case 'between':
      return x >= c.min && x <= c.max;
    case 'outside':
      return x < c.min || x > c.max;
  }
}

function compileNumberExpression(source: string, inputs: readonly string[], needs: ConditionNeeds) {
  const checked = checkExpression(source, inputs, 'number');
  for (const { input, ms } of checked.windows) keep(needs, input, ms);
  return compileExpression(checked) as (view: InstantView) => number | null;
}

export function compileCondition(
  condition: Condition,
  inputs: readonly string[],
  needs: ConditionNeeds,
): CompiledCondition {
  switch (condition.kind) {
    case 'threshold': {
      const of = compileNumberExpression(condition.of, inputs, needs);
      return (view, holding) => compare(of(view), condition.compare, holding);
    }
    case 'expression': {
      const checked = checkExpression(condition.expression, inputs, 'boolean');
      for (const { input, ms } of checked.windows) keep(needs, input, ms);
      const evaluate = compileExpression(checked) as (view: InstantView) => Truth;
      return (view) => evaluate(view);
    }
    case 'rateOfChange': {
      const { input, direction, by, recovery = by } = condition;
      const withinMs = durationMs(condition.within);
      keep(needs, input, withinMs);
      return (view, holding) => {
        const change = view.change(input, direction, withinMs);
        return change === null ? null : change > (holding ? recovery : by);
      };
    }
    case 'windowAggregate': {
      const { input, aggregate } = condition;
      const windowMs = durationMs(condition.window);
      if (condition.windowType === 'sliding') {
        keep(needs, input, windowMs);
        return (view, holding) => {
          const t = view.timeMs;
          const x = view.aggregate(input, aggregate, t - windowMs, false, t, true);
          return compare(x, condition.compare, holding);
        };
      }
      keep(needs, input, 2 * windowMs);
      return (view, holding) => {
        // The last complete window of the grid: [end − window, end) with end ≤ now.
        const end = Math.floor(view.timeMs / windowMs) * windowMs;
        const x = view.aggregate(input, aggregate, end - windowMs, true, end, false);
        return compare(x, condition.compare, holding);
      };
    }
    case 'missingData': {
      const watch = missingWatch(condition);
      needs.missing.push(watch);
      return (view) => {
        const last = Math.max(view.lastTime(watch.input) ?? view.startMs, view.startMs);
        return isMissing(watch, view.timeMs, last);
      };
    }
    case 'all':
    case 'any': {
      const parts = condition.conditions.map((part) => compileCondition(part, inputs, needs));
      const decisive = condition.kind === 'any';
      return (view, holding) => {
        let unknown = false;
        for (const part of parts) {
          const truth = part(view, holding);
          if (truth === decisive) return decisive;
          if (truth === null) unknown = true;
        }
        return unknown ? null : !decisive;
      };
    }
    case 'not': {
      const inner = compileCondition(condition.condition, inputs, needs);
      return (view) => {
        const truth = inner(view, false);
        return truth === null ? null : !truth;
      };
    }
  }
}

import type { Action } from './action-schema';
import { inputAliasSchema, type Condition } from './condition-schema';
import { ExpressionError } from './expression/errors';
import { checkExpression, type ExpressionType } from './expression/type-checker';
import { isKnownPlaceholder, placeholdersOf } from './template';

// Checks that need the whole rule: inputs named by conditions exist in the scope,
// expressions parse and type-check against it, templates use known placeholders. Each
// problem carries the JSON path of the field, so an editor can mark it.

export interface RuleProblem {
  path: (string | number)[];
  message: string;
}

/** How deep all / any / not may nest; deeper rules are unreadable, and walks stay short. */
export const MAX_CONDITION_DEPTH = 8;

interface CheckedParts {
  scope: Record<string, string>;
  condition: Condition;
  noise: { clear?: Condition | undefined };
  actions: Action[];
}

export function ruleProblems(rule: CheckedParts): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const inputs = Object.keys(rule.scope);

  const seen = new Map<string, string>();
  for (const [alias, datastream] of Object.entries(rule.scope)) {
    // Checked here rather than as record keys, whose errors do not say what is wrong.
    const name = inputAliasSchema.safeParse(alias);
    if (!name.success) {
      problems.push({
        path: ['scope', alias],
        message: name.error.issues[0]?.message ?? 'bad name',
      });
    }
    const earlier = seen.get(datastream);
    if (earlier !== undefined) {
      problems.push({
        path: ['scope', alias],
        message: `${datastream} is already input ${earlier}`,
      });
    }
    seen.set(datastream, alias);
  }

  const expression = (source: string, type: ExpressionType, path: (string | number)[]) => {
    try {
      checkExpression(source, inputs, type);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      problems.push({ path, message: error.message });
    }
  };

  const walk = (condition: Condition, path: (string | number)[], depth: number): void => {
    if (depth > MAX_CONDITION_DEPTH) {
      problems.push({ path, message: `conditions nest deeper than ${MAX_CONDITION_DEPTH} levels` });
      return;
    }
    switch (condition.kind) {
      case 'threshold':
        return expression(condition.of, 'number', [...path, 'of']);
      case 'expression':
        return expression(condition.expression, 'boolean', [...path, 'expression']);
      case 'all':
      case 'any':
        return condition.conditions.forEach((inner, i) => {
          walk(inner, [...path, 'conditions', i], depth + 1);
        });
      case 'not':
        return walk(condition.condition, [...path, 'condition'], depth + 1);
      default:
        if (!inputs.includes(condition.input)) {
          const message = `unknown input "${condition.input}"; inputs: ${inputs.join(', ')}`;
          problems.push({ path: [...path, 'input'], message });
        }
    }
  };
  walk(rule.condition, ['condition'], 1);
  if (rule.noise.clear !== undefined) walk(rule.noise.clear, ['noise', 'clear'], 1);

  rule.actions.forEach((action, i) => {
    for (const { name, path } of placeholdersOf(action.params)) {
      if (!isKnownPlaceholder(name, inputs)) {
        const message = `unknown placeholder {{${name}}}; see TEMPLATE_FIELDS`;
        problems.push({ path: ['actions', i, 'params', ...path], message });
      }
    }
  });
  return problems;
}

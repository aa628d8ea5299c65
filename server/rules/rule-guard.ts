import { MAX_CONDITION_DEPTH } from '../../core/rules/rule-checks';
import { badRequest } from '../http/app-error';

/**
 * How deep a rule document may nest arrays and objects. A valid rule needs about 25 levels
 * (conditions nest 8 deep, two JSON levels each); zod parses the recursive condition and
 * template schemas recursively, so a document thousands of levels deep overflows the stack
 * before the rule's own depth check can run, and the client got a 500.
 */
export const MAX_RULE_NESTING = 64;

/**
 * Why a rule document cannot be parsed or stored safely, or undefined: nesting past
 * MAX_RULE_NESTING, or a NUL in a text or field name, which PostgreSQL's jsonb refuses.
 * Walks without recursion, so any depth is measured safely.
 */
export function unsafeRuleProblem(rule: unknown): string | undefined {
  const pending: { item: unknown; depth: number }[] = [{ item: rule, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { item, depth } = next;
    if (typeof item === 'string' && item.includes('\u0000')) return 'a text holds NUL (\\u0000)';
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= MAX_RULE_NESTING) {
      return `nests deeper than ${MAX_RULE_NESTING} levels (conditions nest at most ${MAX_CONDITION_DEPTH})`;
    }
    for (const [key, child] of Object.entries(item)) {
      if (key.includes('\u0000')) return 'a field name holds NUL (\\u0000)';
      pending.push({ item: child, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Refuses, with a 400 that says why, a rule document that would otherwise end in a 500. */
export function refuseUnsafeRule(rule: unknown): void {
  const problem = unsafeRuleProblem(rule);
  if (problem !== undefined) throw badRequest(`rule: ${problem}`);
}

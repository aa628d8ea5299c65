import { z } from 'zod';
import { ruleSchema, stableJson } from '../../core/rules/index';
import type { Database } from '../../infra/db/types';
import {
  getRule,
  listRules,
  ruleExists,
  ruleVersions,
  saveRuleVersion,
  type RuleVersion,
  type StoredRule,
} from '../../infra/rules/rule-store';
import { AppError, badRequest, notFound } from '../http/app-error';
import { refuseUnsafeRule } from './rule-guard';

// Rules as users manage them: created, changed (every version kept), enabled, disabled and
// deleted. A document is checked in full before it is stored (unknown inputs, expressions
// that do not type-check, with the position of the error); the analyzer picks changes up.

const conflict = (message: string) => new AppError(409, 'conflict', message);

function visibleTo(rule: StoredRule, actor: string): boolean {
  return rule.visibility !== 'private' || rule.owner === actor;
}

function checked(document: unknown, owner: string): Record<string, unknown> {
  refuseUnsafeRule(document); // too deep to parse, or text PostgreSQL cannot store
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw badRequest('send the rule as a JSON object');
  }
  const withOwner = { ...(document as Record<string, unknown>), owner };
  const parsed = ruleSchema.safeParse(withOwner);
  if (!parsed.success) throw badRequest(`rule: ${z.prettifyError(parsed.error)}`);
  return withOwner;
}

export async function listVisibleRules(db: Database, actor: string): Promise<StoredRule[]> {
  return (await listRules(db)).filter((rule) => visibleTo(rule, actor));
}

export async function readRule(db: Database, id: string, actor: string): Promise<StoredRule> {
  const rule = await getRule(db, id);
  if (!rule || !visibleTo(rule, actor)) throw notFound(`rule "${id}"`);
  return rule;
}

export async function createRule(db: Database, document: unknown, actor: string) {
  const body = checked(document, ownerOf(document, actor));
  const rule = ruleSchema.parse(body);
  if (await ruleExists(db, rule.id)) throw conflict(`a rule "${rule.id}" exists; PUT changes it`);
  return save(db, body, actor, 'created');
}

export async function updateRule(db: Database, id: string, document: unknown, actor: string) {
  const current = await readRule(db, id, actor);
  const body = checked({ ...(document as object), id }, current.owner);
  const { enabled: _before, ...restBefore } = current.document;
  const { enabled: _after, ...restAfter } = body;
  const onlyEnabled = stableJson(restBefore) === stableJson(restAfter);
  const enabled = ruleSchema.parse(body).enabled;
  const change = onlyEnabled ? (enabled ? 'enabled' : 'disabled') : 'updated';
  return save(db, body, actor, change);
}

export async function deleteRule(db: Database, id: string, actor: string): Promise<void> {
  const current = await readRule(db, id, actor);
  await save(db, { ...current.document, enabled: false }, actor, 'deleted');
}

export async function versionsOf(db: Database, id: string, actor: string): Promise<RuleVersion[]> {
  await readRule(db, id, actor);
  return ruleVersions(db, id);
}

function ownerOf(document: unknown, actor: string): string {
  const owner = (document as { owner?: unknown } | null)?.owner;
  return typeof owner === 'string' && owner.length > 0 ? owner : actor;
}

function save(
  db: Database,
  document: Record<string, unknown>,
  actor: string,
  change: 'created' | 'updated' | 'enabled' | 'disabled' | 'deleted',
): Promise<StoredRule> {
  const rule = ruleSchema.parse(document);
  return saveRuleVersion(db, {
    id: rule.id,
    owner: rule.owner,
    visibility: rule.visibility,
    enabled: change === 'deleted' ? false : rule.enabled,
    document,
    changedBy: actor,
    change,
  });
}

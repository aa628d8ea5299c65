// The small form for the common rule: one input above or below a value, for a while.
// It fills a full rule document; the JSON editor shows (and can change) all of it.

export type Severity = 'info' | 'warning' | 'critical';

export interface ThresholdDraft {
  id: string;
  name: string;
  datastream: string;
  op: 'above' | 'below';
  value: number;
  severity: Severity;
  /** A duration text such as `10m` (the rule's noise.minDuration). */
  minDuration: string;
}

export const emptyDraft: ThresholdDraft = {
  id: '',
  name: '',
  datastream: '',
  op: 'above',
  value: 0,
  severity: 'warning',
  minDuration: '0s',
};

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);

/** An input name from a datastream key: its variable, made a valid identifier. */
export function aliasFor(datastream: string): string {
  const variable = datastream.split('.').at(-1) ?? '';
  let alias = variable.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 32);
  if (alias === '' || /^\d/.test(alias)) alias = `x_${alias}`.slice(0, 32);
  return KEYWORDS.has(alias) ? `${alias}_` : alias;
}

/** `sattelberg.aws.air_temperature` above 25 → `sattelberg-air-temperature-above-25`. */
export function suggestedId(draft: Pick<ThresholdDraft, 'datastream' | 'op' | 'value'>): string {
  const parts = draft.datastream.split('.');
  const base = [parts[0], parts.at(-1), draft.op, String(draft.value)].join('-');
  return base
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 64);
}

/**
 * The rule document of a draft, owned by `owner`, disabled until someone enables it. Fields
 * of `base` (the document in the editor) the form does not show are kept.
 */
export function documentOf(
  draft: ThresholdDraft,
  owner: string,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  const alias = aliasFor(draft.datastream);
  const noise = isRecord(base.noise) ? base.noise : {};
  return {
    ...base,
    id: draft.id,
    name: draft.name,
    owner: typeof base.owner === 'string' ? base.owner : owner,
    enabled: typeof base.enabled === 'boolean' ? base.enabled : false,
    severity: draft.severity,
    scope: { [alias]: draft.datastream },
    condition: { kind: 'threshold', of: alias, compare: { op: draft.op, value: draft.value } },
    noise: { ...noise, minDuration: draft.minDuration },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The draft of a document that has the form's shape (one input, a threshold above or
 * below a value on it), or null when the document says more than the form can show.
 */
export function draftOf(document: unknown): ThresholdDraft | null {
  if (!isRecord(document) || !isRecord(document.scope) || !isRecord(document.condition)) {
    return null;
  }
  const scope = Object.entries(document.scope);
  const { condition } = document;
  const compare = condition.compare;
  if (scope.length !== 1 || condition.kind !== 'threshold' || !isRecord(compare)) return null;
  const [alias, datastream] = scope[0] ?? [];
  if (condition.of !== alias || typeof datastream !== 'string') return null;
  if ((compare.op !== 'above' && compare.op !== 'below') || typeof compare.value !== 'number') {
    return null;
  }
  const severity = document.severity ?? 'warning';
  if (severity !== 'info' && severity !== 'warning' && severity !== 'critical') return null;
  const noise = isRecord(document.noise) ? document.noise : {};
  return {
    id: typeof document.id === 'string' ? document.id : '',
    name: typeof document.name === 'string' ? document.name : '',
    datastream,
    op: compare.op,
    value: compare.value,
    severity,
    minDuration: typeof noise.minDuration === 'string' ? noise.minDuration : '0s',
  };
}

/** Parses the editor's text; a syntax error is said before anything is sent. */
export function parseDocument(
  text: string,
): { ok: true; document: Record<string, unknown> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${(error as Error).message}` };
  }
  if (!isRecord(value)) return { ok: false, error: 'a rule is a JSON object { … }' };
  return { ok: true, document: value };
}

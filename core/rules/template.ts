// Action parameters are JSON templates: any string may hold `{{name}}` placeholders that are
// filled from the trigger when a job is made. A string that is exactly one placeholder
// keeps the value's own type (`"{{values.wind}}"` gives the number 14.2, not "14.2"), so a
// simulation gets numbers where it expects numbers. Names are a fixed list: a template
// cannot reach anything but the trigger.

export type TemplatePrimitive = string | number | boolean | null;
export type TemplateValue = TemplatePrimitive | TemplateValue[] | { [key: string]: TemplateValue };

/** What each placeholder means; `values.<input>` and `scope.<input>` exist per input. */
export const TEMPLATE_FIELDS = {
  'trigger.start': 'start of the trigger window (the condition first held), ISO 8601',
  'trigger.startMs': 'the same in epoch milliseconds',
  'trigger.firing': 'when the alert fired (start + minimum duration), ISO 8601',
  'trigger.firingMs': 'the same in epoch milliseconds (null until it fires)',
  'trigger.time': 'measurement time of the transition that made the job, ISO 8601',
  'trigger.end': 'when the alert resolved (ISO 8601), null while firing',
  'alert.id': 'the alert id, derived from the rule and the trigger start',
  'rule.id': 'the rule id',
  'rule.name': 'the rule name',
  severity: 'info, warning or critical',
  backfill: 'true when the transition was computed from late data',
  'values.<input>': 'the newest value of an input at the transition, null if none is fresh',
  'scope.<input>': 'the datastream key of an input',
} as const;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.<>]*)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}$/;

/** Every placeholder name used anywhere in a template, with the JSON path where it is. */
export function placeholdersOf(
  value: TemplateValue,
  path: (string | number)[] = [],
): { name: string; path: (string | number)[] }[] {
  if (typeof value === 'string') {
    return [...value.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1] ?? '', path }));
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => placeholdersOf(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => placeholdersOf(item, [...path, key]));
  }
  return [];
}

/** Whether a placeholder name exists for a rule with these inputs. */
export function isKnownPlaceholder(name: string, inputs: readonly string[]): boolean {
  const perInput = /^(?:values|scope)\.(.+)$/.exec(name);
  if (perInput) return inputs.includes(perInput[1] ?? '');
  return Object.hasOwn(TEMPLATE_FIELDS, name) && !name.includes('<');
}

/** Fills every placeholder from `fields`; names not in `fields` become null (or ""). */
export function renderTemplate(
  value: TemplateValue,
  fields: Readonly<Record<string, TemplatePrimitive>>,
): TemplateValue {
  if (typeof value === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(value);
    if (whole) return fields[whole[1] ?? ''] ?? null;
    return value.replace(PLACEHOLDER, (_, name: string) => String(fields[name] ?? ''));
  }
  if (Array.isArray(value)) return value.map((item) => renderTemplate(item, fields));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: TemplateValue } = {};
    for (const [key, item] of Object.entries(value)) out[key] = renderTemplate(item, fields);
    return out;
  }
  return value;
}

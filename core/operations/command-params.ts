import { z } from 'zod';
import type { CommandSpec, ParamSpec } from '../contracts/operations';

/** The zod schema of one parameter, built from its catalogue description. */
function schemaOfParam(spec: ParamSpec): z.ZodType {
  if (spec.type === 'boolean') return z.boolean();
  if (spec.type === 'string') {
    if (spec.enum) return z.enum(spec.enum as [string, ...string[]]);
    return z.string().max(spec.maxLength);
  }
  let schema = spec.integer ? z.number().int() : z.number();
  if (spec.minimum !== undefined) schema = schema.min(spec.minimum);
  if (spec.maximum !== undefined) schema = schema.max(spec.maximum);
  return schema;
}

/**
 * The schema of a command's parameters: every listed parameter with its type and bounds,
 * the required ones required, and nothing else (an unknown name is a typo, not a wish).
 */
export function paramsSchemaOf(command: CommandSpec): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(command.params)) {
    const schema = schemaOfParam(spec);
    shape[name] = command.required.includes(name) ? schema : schema.optional();
  }
  return z.strictObject(shape);
}

export type ParamsCheck =
  { ok: true; params: Record<string, unknown> } | { ok: false; error: string };

/** Checks parameters against the catalogue; the error names each offending parameter. */
export function checkParams(command: CommandSpec, params: unknown): ParamsCheck {
  const parsed = paramsSchemaOf(command).safeParse(params);
  if (parsed.success) return { ok: true, params: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'params';
    return `${where}: ${issue.message}`;
  });
  return { ok: false, error: `${command.name}: ${problems.join('; ')}` };
}

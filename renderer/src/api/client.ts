import type { z } from 'zod';
import { errorResponseSchema } from '../../../core/contracts/http';

/** A failed API call, with the server's error code when it sent one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * GET a same-origin JSON resource and validate it with the contract's zod schema, so a
 * server that drifted from the contract fails loudly here rather than deep in a chart.
 */
export async function getJson<S extends z.ZodType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
  { bodyOnError = false }: { bodyOnError?: boolean } = {},
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(`server unreachable (${path})`, 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok && bodyOnError) {
    // Some answers are meaningful with an error status (health says 503 when degraded).
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
  }
  if (!response.ok) {
    const parsed = errorResponseSchema.safeParse(body);
    if (parsed.success) {
      throw new ApiError(parsed.data.error.message, response.status, parsed.data.error.code);
    }
    throw new ApiError(`HTTP ${response.status} for ${path}`, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      `unexpected response from ${path}: ${parsed.error.message}`,
      response.status,
    );
  }
  return parsed.data;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

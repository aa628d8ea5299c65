import type { z } from 'zod';
import { errorResponseSchema } from '../../../core/contracts/http';
import { readUserName } from './user';

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

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Calls `listener` whenever the server answers 401: in required mode the session has
 * ended (expired, revoked, signed out elsewhere), and the app must ask to sign in at once
 * rather than fail page by page until a reload. Returns the unsubscribe.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Every API call of the renderer passes its answer's status here. */
export function noteStatus(status: number): void {
  if (status === 401) unauthorizedListeners.forEach((listener) => listener());
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
    response = await fetch(path, { headers: requestHeaders(), signal });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(`server unreachable (${path})`, 0);
  }
  noteStatus(response.status);
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

/** Headers of every API request: JSON, and the user the app acts as (no sign-in yet). */
export function requestHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { accept: 'application/json', 'X-Firn-User': readUserName(), ...extra };
}

/**
 * POST/PUT/DELETE a JSON body and validate the answer when a schema is given. A failed
 * call throws an ApiError carrying the server's message (a bad rule's 400 names each problem).
 */
export async function sendJson<S extends z.ZodType>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  schema: S | null,
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: requestHeaders(body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(`server unreachable (${path})`, 0);
  }
  noteStatus(response.status);
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  if (!response.ok) {
    const parsed = errorResponseSchema.safeParse(json);
    if (parsed.success) {
      throw new ApiError(parsed.data.error.message, response.status, parsed.data.error.code);
    }
    throw new ApiError(`HTTP ${response.status} for ${method} ${path}`, response.status);
  }
  if (schema === null) return json as z.infer<S>;
  const parsed = schema.safeParse(json);
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

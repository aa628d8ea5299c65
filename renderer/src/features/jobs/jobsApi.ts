import { errorResponseSchema, routePath, routes } from '../../../../core/contracts/http';
import type { SimulationResult } from '../../../../core/contracts/simulation-result';
import { ApiError, getJson, noteStatus, requestHeaders } from '../../api/client';

// The jobs feature's own calls: a job's result file, and a job by hand with an
// Idempotency-Key (the shared sendJson sends no extra headers).

export function fetchJobResult(id: string, signal?: AbortSignal): Promise<SimulationResult> {
  return getJson(routePath('jobResult', { id }), routes.jobResult.response, signal);
}

export interface JobByHand {
  queue: 'jobs.cod' | 'jobs.sod' | 'jobs.ood';
  type: string;
  params: Record<string, unknown>;
}

/** Queues a job; the same key again (a retry after a lost answer) returns the same job. */
export async function submitJob(
  request: JobByHand,
  idempotencyKey: string,
): Promise<{ id: string; state: string }> {
  const path = routePath('submitJob');
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: requestHeaders({
        'content-type': 'application/json',
        'Idempotency-Key': idempotencyKey,
      }),
      body: JSON.stringify(request),
    });
  } catch {
    throw new ApiError(`server unreachable (${path})`, 0);
  }
  noteStatus(response.status);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = errorResponseSchema.safeParse(body);
    if (error.success)
      throw new ApiError(error.data.error.message, response.status, error.data.error.code);
    throw new ApiError(`HTTP ${response.status} for POST ${path}`, response.status);
  }
  const parsed = routes.submitJob.response.safeParse(body);
  if (!parsed.success) throw new ApiError(`unexpected response from ${path}`, response.status);
  return parsed.data;
}

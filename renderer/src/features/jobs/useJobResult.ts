import { useCallback, useEffect, useState } from 'react';
import type { SimulationResult } from '../../../../core/contracts/simulation-result';
import { errorMessage, isAbort } from '../../api/client';
import { fetchJobResult } from './jobsApi';

export type JobResultState =
  | { status: 'loading' }
  | { status: 'ready'; result: SimulationResult }
  | { status: 'error'; message: string };

/** The result file of a finished job, fetched once per job (and again on retry). */
export function useJobResult(jobId: string, finished: boolean) {
  const [attempt, setAttempt] = useState(0);
  const request = `${jobId}#${attempt}`;
  // Answers are tagged with the request they answer: another job's result is not shown.
  const [answer, setAnswer] = useState<{ request: string; state: JobResultState } | null>(null);
  useEffect(() => {
    if (!finished) return;
    const controller = new AbortController();
    fetchJobResult(jobId, controller.signal)
      .then((result) => setAnswer({ request, state: { status: 'ready', result } }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        setAnswer({ request, state: { status: 'error', message: errorMessage(error) } });
      });
    return () => controller.abort();
  }, [jobId, finished, request]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const state: JobResultState = answer?.request === request ? answer.state : { status: 'loading' };
  return { state, retry };
}

import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Database } from '../../infra/db/types';
import { getJob } from '../../infra/jobs/job-store';
import { AppError, notFound } from '../http/app-error';

export interface OpenedResult {
  stream: Readable;
  size: number;
}

const noFile = (message: string) => new AppError(404, 'not_found', message);

/**
 * Opens the result file of a job for streaming: only the file named in the job's own result,
 * and only when it lies inside the results folder once links are resolved. The name comes
 * from the database, not the request, but a row edited by hand or a file swapped for a
 * symlink must still not expose the rest of the disk.
 */
export async function openJobResult(
  db: Database,
  resultsDir: string | undefined,
  id: string,
): Promise<OpenedResult> {
  const job = await getJob(db, id);
  if (!job) throw notFound(`job "${id}"`);
  const file = job.result?.file;
  if (typeof file !== 'string' || file === '') {
    throw noFile(`job "${id}" has no result file (it is ${job.state})`);
  }
  if (!resultsDir) throw new AppError(503, 'no_results', 'this server has no results folder');
  const root = await fs.realpath(resultsDir).catch(() => path.resolve(resultsDir));
  const real = await fs.realpath(path.resolve(root, file)).catch(() => null);
  if (real === null) throw noFile(`the result file of job "${id}" is gone`);
  const inside = path.relative(root, real);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new AppError(403, 'forbidden', `job "${id}" names a file outside the results folder`);
  }
  const handle = await fs.open(real, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw noFile(`the result of job "${id}" is not a file`);
    return { stream: handle.createReadStream(), size: stat.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

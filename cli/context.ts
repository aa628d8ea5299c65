import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../infra/config';
import { openDatabase } from '../infra/db/open';
import type { Database } from '../infra/db/types';
import { createLogger, type Logger } from '../infra/logger';
import { seedIfEmpty, seedSchema, type Seed } from '../server/catalog/seed';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const version = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }
).version;

export interface Context {
  config: Config;
  logger: Logger;
  db: Database;
}

export function readSeed(file = path.join(repoRoot, 'resources', 'seed.json')): Seed {
  return seedSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Config, logger and the migrated database, seeded with the sample stations when new. */
export async function openContext(): Promise<Context> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config);
  if (await seedIfEmpty(db, readSeed()))
    logger.info('new database: registered the sample stations');
  return { config, logger, db };
}

/** Opens the context, runs `work`, and always closes the database. */
export async function withContext<T>(work: (context: Context) => Promise<T>): Promise<T> {
  const context = await openContext();
  try {
    return await work(context);
  } finally {
    await context.db.close();
  }
}

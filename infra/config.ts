import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'firn');
}

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  FIRN_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(defaultDataDir())),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
      .optional(),
  ),
  KAFKA_BROKERS: z.preprocess(emptyToUndefined, z.string().optional()),
  FIRN_TOPIC_PREFIX: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9._-]*$/, 'FIRN_TOPIC_PREFIX: letters, digits, . _ and - only')
      .default(''),
  ),
  FIRN_SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, 'FIRN_SMTP_URL must start with smtp:// or smtps://')
      .optional(),
  ),
  FIRN_SMTP_FROM: z.preprocess(emptyToUndefined, z.string().default('Firn <firn@localhost>')),
  FIRN_HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  FIRN_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(65535).default(8787),
  ),
  FIRN_LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  FIRN_MAX_BODY_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1024)
      .default(64 * 1024 * 1024),
  ),
  FIRN_INGEST_REQUESTS_PER_SECOND: z.preprocess(
    emptyToUndefined,
    z.coerce.number().min(0).default(200),
  ),
  FIRN_MAX_ROWS_PER_BATCH: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).default(200_000),
  ),
  FIRN_ALLOWED_HOSTS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[a-z0-9.-]+(,[a-z0-9.-]+)*$/i, 'host names separated by commas')
      .optional(),
  ),
  FIRN_PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: 'FIRN_PUBLIC_URL must be an http(s) URL' }).optional(),
  ),
  FIRN_SIMULATION_EXECUTOR: z.preprocess(
    emptyToUndefined,
    z.enum(['local', 'slurm']).default('local'),
  ),
  FIRN_IN_PROCESS_WORKERS: z.preprocess(emptyToUndefined, z.enum(['all', 'none']).default('all')),
  FIRN_AUTH: z.preprocess(
    emptyToUndefined,
    z.enum(['local', 'required'], 'FIRN_AUTH is local or required').default('local'),
  ),
  FIRN_SESSION_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .min(0.01)
      .max(24 * 30)
      .default(12),
  ),
});

export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  kafkaBrokers: string[] | undefined;
  /** Prepended to every bus topic, so several installations can share one Kafka cluster. */
  topicPrefix: string;
  /** SMTP server for e-mail notifications; without it, e-mail channels fail with that reason. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof envSchema>['FIRN_LOG_LEVEL'];
  maxBodyBytes: number;
  maxRowsPerBatch: number;
  ingestRequestsPerSecond: number;
  /**
   * Where backward-dispersion runs: a child process of the worker, or Slurm batch jobs
   * (sbatch/scontrol/scancel on PATH, SLURM_CONF from the environment, FIRN_DATA_DIR shared).
   */
  simulationExecutor: 'local' | 'slurm';
  /** Host names (besides IP addresses and localhost) the server answers to. */
  allowedHosts: string[];
  /** Where people reach the control room; links in notifications point here. */
  publicUrl: string;
  /**
   * Whether `firn start` runs the relay and the workers inside the server's process (the
   * laptop default), or serves alone while each runs as `firn worker <name>` (a deployment
   * where a crash of one piece leaves the others running).
   */
  inProcessWorkers: boolean;
  /**
   * `local` (a laptop or desk on loopback): requests without a session act as the desktop
   * user `local`, an admin, or as the user `X-Firn-User` names. `required`: every route but
   * the public ones needs a signed-in session; `X-Firn-User` is ignored.
   */
  auth: 'local' | 'required';
  /** How long a session lasts after signing in. */
  sessionHours: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the environment once at start-up; a bad value stops start-up with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(e.FIRN_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    kafkaBrokers: e.KAFKA_BROKERS?.split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    topicPrefix: e.FIRN_TOPIC_PREFIX,
    smtpUrl: e.FIRN_SMTP_URL,
    smtpFrom: e.FIRN_SMTP_FROM,
    host: e.FIRN_HOST,
    port: e.FIRN_PORT,
    logLevel: e.FIRN_LOG_LEVEL,
    maxBodyBytes: e.FIRN_MAX_BODY_BYTES,
    maxRowsPerBatch: e.FIRN_MAX_ROWS_PER_BATCH,
    ingestRequestsPerSecond: e.FIRN_INGEST_REQUESTS_PER_SECOND,
    simulationExecutor: e.FIRN_SIMULATION_EXECUTOR,
    allowedHosts: e.FIRN_ALLOWED_HOSTS?.toLowerCase().split(',') ?? [],
    publicUrl: (e.FIRN_PUBLIC_URL ?? `http://127.0.0.1:${e.FIRN_PORT}`).replace(/\/+$/, ''),
    inProcessWorkers: e.FIRN_IN_PROCESS_WORKERS === 'all',
    auth: e.FIRN_AUTH,
    sessionHours: e.FIRN_SESSION_HOURS,
  };
}

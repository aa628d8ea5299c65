import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stderr, so stdout stays free for command output (e.g. a new token). */
export function createLogger(level: string, name = 'firn'): Logger {
  return pino(
    {
      name,
      level,
      redact: {
        paths: ['req.headers.authorization', '*.token', '*.password'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}

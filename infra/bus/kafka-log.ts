import { logLevel, type logCreator } from 'kafkajs';
import type { BusLog } from './types';

// kafkajs logs to the console by default, and at ERROR level for errors it retries itself
// (a fresh broker's coordinator not ready, a broker restarting). Real failures reach callers
// as rejected publishes, crashed-and-restarted consumers and health(); so its ERRORs become
// our warnings, and everything goes through the application's structured logger.

/** kafkajs warns about this because we cap retries; we replace the producer after any failure. */
const EXPECTED_WARNINGS = ['Limiting retries for the idempotent producer'];

export function kafkaLogCreator(log: BusLog): logCreator {
  return () =>
    ({ namespace, level, log: entry }) => {
      const { message, timestamp: _timestamp, ...details } = entry;
      if (EXPECTED_WARNINGS.some((text) => message.startsWith(text))) return;
      const fields = { kafkajs: namespace, ...details };
      log(level === logLevel.ERROR || level === logLevel.WARN ? 'warn' : 'debug', message, fields);
    };
}

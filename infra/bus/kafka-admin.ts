import type { Admin, Kafka } from 'kafkajs';
import { backoffDelayMs, sleep, withTimeout } from './retry-backoff';

/**
 * The admin client of a Kafka bus, connected lazily. Each call runs within a time limit and
 * is tried again while Kafka answers with a transient error (a fresh group's coordinator
 * still loading, a new topic not yet known everywhere). After a failure the client is
 * replaced, so a broker that comes back is simply reconnected on the next call.
 */
export class KafkaAdmin {
  private admin: Promise<Admin> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly timeoutMs: number,
  ) {}

  async run<T>(
    what: string,
    work: (admin: Admin) => Promise<T>,
    timeoutMs = this.timeoutMs,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    const attempts = (async () => {
      for (let failures = 1; ; failures += 1) {
        try {
          return await work(await (this.admin ??= this.connect()));
        } catch (error) {
          const delay = backoffDelayMs(failures, 1_000); // short: the caller is waiting
          if (!isRetriable(error) || Date.now() + delay >= deadline) throw error;
          await sleep(delay);
        }
      }
    })();
    try {
      return await withTimeout(attempts, timeoutMs, `no answer from Kafka within ${timeoutMs} ms`);
    } catch (error) {
      attempts.catch(() => undefined);
      await this.close();
      throw new Error(`${what} failed: ${describeKafkaError(error)}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }

  private async connect(): Promise<Admin> {
    const admin = this.kafka.admin();
    await admin.connect();
    return admin;
  }
}

/** An error our own checks raise for a state Kafka reaches by itself shortly. */
export function retriable(message: string): Error {
  return Object.assign(new Error(message), { retriable: true });
}

/**
 * Worth another try: a transient protocol answer (kafkajs marks those retriable). Not when
 * kafkajs has already retried it (connection refused, say): the broker is away, say so.
 */
function isRetriable(error: unknown): boolean {
  const { retriable, name } = error as { retriable?: boolean; name?: string };
  return retriable === true && name !== 'KafkaJSNumberOfRetriesExceeded';
}

/** kafkajs wraps the useful reason (e.g. ECONNREFUSED) in "retries exceeded": show both. */
export function describeKafkaError(error: unknown): string {
  const message = (error as Error).message;
  const cause = (error as { cause?: Error }).cause?.message;
  return cause && !message.includes(cause) ? `${message} (${cause})` : message;
}

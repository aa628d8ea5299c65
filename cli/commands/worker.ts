import { OutboxRelay } from '../../workers/relay/outbox-relay';
import { openContext } from '../context';
import { openConfiguredBus } from '../station';
import { UsageError } from '../usage-error';

const WORKERS = ['relay'] as const;

/**
 * firn worker <name>: one worker as its own process, e.g. on another host against the
 * station's PostgreSQL server and Kafka cluster. Stops cleanly on SIGTERM.
 */
export async function worker(args: string[]): Promise<void> {
  const name = args[0];
  if (!WORKERS.includes(name as (typeof WORKERS)[number])) {
    throw new UsageError(`unknown worker "${name ?? ''}"; workers: ${WORKERS.join(', ')}`);
  }
  const context = await openContext();
  const bus = await openConfiguredBus(context);
  const relay = new OutboxRelay({ db: context.db, bus, logger: context.logger });
  relay.start();
  context.logger.info({ worker: name, bus: bus.kind }, 'worker started');
  console.log(`Firn worker ${name} running (bus: ${bus.kind})`);
  const stop = async () => {
    await relay.stop();
    await bus.close();
    await context.db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

import { openContext } from '../context';
import { openConfiguredBus } from '../station';
import { UsageError } from '../usage-error';
import { createWorker, workerNames, type WorkerName } from '../workers';

/**
 * firn worker <name>: one worker as its own process, e.g. on another host against the
 * station's PostgreSQL server and Kafka cluster. Stops cleanly on SIGTERM.
 */
export async function worker(args: string[]): Promise<void> {
  const name = args[0];
  if (!workerNames.includes(name as WorkerName)) {
    throw new UsageError(`unknown worker "${name ?? ''}"; workers: ${workerNames.join(', ')}`);
  }
  const context = await openContext();
  const bus = await openConfiguredBus(context);
  const running = createWorker(name as WorkerName, context, bus);
  await running.start();
  context.logger.info({ worker: name, bus: bus.kind }, 'worker started');
  console.log(`Firn worker ${name} running (bus: ${bus.kind})`);
  const stop = async () => {
    await running.stop();
    await bus.close();
    await context.db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

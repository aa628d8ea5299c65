import { encodeMessage } from '../../core/contracts/topics';
import type { Bus, ConsumedMessage } from './types';

/** Sends messages that can never succeed to `dead-letter`, with where they came from and why. */
export async function sendToDeadLetter(
  bus: Bus,
  failures: readonly { message: ConsumedMessage; error: string }[],
): Promise<void> {
  if (failures.length === 0) return;
  const at = new Date().toISOString();
  await bus.publish(
    'dead-letter',
    failures.map(({ message, error }) => ({
      key: message.key,
      value: encodeMessage('dead-letter', {
        v: 1,
        topic: message.topic,
        partition: message.partition,
        offset: message.offset,
        key: message.key,
        error,
        value: message.value,
        at,
      }),
    })),
  );
}

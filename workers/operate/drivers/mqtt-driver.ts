import mqtt, { type MqttClient } from 'mqtt';
import {
  acknowledgementSchema,
  type InstrumentCommandMessage,
} from '../../../core/operations/instrument-catalogue';
import type { DeliveryOptions, DeliveryOutcome, InstrumentDriver } from './instrument-driver';

/**
 * Commands as JSON on `<prefix>/commands` (QoS 1); the instrument answers on
 * `<prefix>/acks/<command id>` as a retained message, so a worker that crashed after
 * sending finds the answer when it subscribes again instead of sending twice.
 */
export class MqttDriver implements InstrumentDriver {
  private readonly client: MqttClient;

  constructor(
    url: string,
    private readonly topicPrefix: string,
  ) {
    this.client = mqtt.connect(url, { reconnectPeriod: 1_000, connectTimeout: 5_000 });
    // Connection errors surface as timeouts of the commands waiting; the client reconnects.
    this.client.on('error', () => undefined);
  }

  get connected(): boolean {
    return this.client.connected;
  }

  async deliver(
    message: InstrumentCommandMessage,
    options: DeliveryOptions,
  ): Promise<DeliveryOutcome> {
    const ackTopic = `${this.topicPrefix}/acks/${message.id}`;
    let accepted = false;
    let finish: (outcome: DeliveryOutcome) => void = () => undefined;
    const outcome = new Promise<DeliveryOutcome>((resolve) => (finish = resolve));
    const onMessage = (topic: string, payload: Buffer) => {
      if (topic !== ackTopic || payload.length === 0) return;
      const ack = acknowledgementSchema.safeParse(safeJson(payload.toString('utf8')));
      if (!ack.success || ack.data.commandId !== message.id) return;
      if (ack.data.status === 'done') finish({ status: 'done' });
      else if (ack.data.status === 'rejected') {
        finish({ status: 'rejected', reason: ack.data.reason ?? 'rejected by the instrument' });
      } else if (!accepted) {
        accepted = true;
        void options.onAccepted?.();
      }
    };
    const timer = setTimeout(
      () => finish({ status: 'timed_out' }),
      Math.max(0, options.deadlineMs - Date.now()),
    );
    options.signal?.addEventListener('abort', () => finish({ status: 'timed_out' }), {
      once: true,
    });
    this.client.on('message', onMessage);
    try {
      // Subscribe before sending, so an instant answer is not missed.
      await this.client.subscribeAsync(ackTopic, { qos: 1 });
      if (options.send) {
        await this.client.publishAsync(`${this.topicPrefix}/commands`, JSON.stringify(message), {
          qos: 1,
        });
      }
      const result = await outcome;
      if (result.status !== 'timed_out') {
        // The outcome is recorded by the caller next; clear the retained answer from the broker.
        await this.client.publishAsync(ackTopic, '', { qos: 1, retain: true });
      }
      return result;
    } finally {
      clearTimeout(timer);
      this.client.off('message', onMessage);
      await this.client.unsubscribeAsync(ackTopic).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

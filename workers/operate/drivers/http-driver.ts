import {
  acknowledgementSchema,
  type Acknowledgement,
  type InstrumentCommandMessage,
} from '../../../core/operations/instrument-catalogue';
import {
  pause,
  type DeliveryOptions,
  type DeliveryOutcome,
  type InstrumentDriver,
} from './instrument-driver';

const POLL_MS = 500;

/**
 * Commands POSTed as JSON to `<url>/commands`; the answer is the acknowledgement. While
 * the instrument says `accepted`, `GET <url>/commands/<id>` is asked until it is done,
 * rejected or the deadline passes. A redelivered command is only asked about, not re-sent.
 */
export class HttpDriver implements InstrumentDriver {
  constructor(private readonly url: string) {}

  async deliver(
    message: InstrumentCommandMessage,
    options: DeliveryOptions,
  ): Promise<DeliveryOutcome> {
    const base = this.url.replace(/\/+$/, '');
    let accepted = false;
    let request: () => Promise<Response> = () =>
      fetch(`${base}/commands`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(5_000),
      });
    const status = () =>
      fetch(`${base}/commands/${encodeURIComponent(message.id)}`, {
        signal: AbortSignal.timeout(5_000),
      });
    if (!options.send) request = status;
    while (Date.now() < options.deadlineMs && !options.signal?.aborted) {
      const ack = await answerOf(request, message.id);
      request = status; // sent once; from now on only ask
      if (ack?.status === 'done') return { status: 'done' };
      if (ack?.status === 'rejected')
        return { status: 'rejected', reason: ack.reason ?? 'rejected by the instrument' };
      if (ack?.status === 'accepted' && !accepted) {
        accepted = true;
        await options.onAccepted?.();
      }
      await pause(Math.min(POLL_MS, options.deadlineMs - Date.now()), options.signal);
    }
    return { status: 'timed_out' };
  }

  async close(): Promise<void> {}
}

/** The acknowledgement in an answer; undefined when the instrument did not answer usefully. */
async function answerOf(
  request: () => Promise<Response>,
  id: string,
): Promise<Acknowledgement | undefined> {
  try {
    const response = await request();
    if (response.status >= 500) return undefined;
    const parsed = acknowledgementSchema.safeParse(await response.json());
    if (parsed.success && parsed.data.commandId === id) return parsed.data;
    if (response.status >= 400)
      return { commandId: id, status: 'rejected', reason: `HTTP ${response.status}` };
    return undefined;
  } catch {
    return undefined; // unreachable or slow: keep asking until the deadline
  }
}

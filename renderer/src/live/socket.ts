import { liveServerMessageSchema } from '../../../core/contracts/live';
import type { LiveClientMessage, LiveServerMessage } from '../../../core/contracts/live';
import type { LiveStatus } from '../state/connection';
import { backoffDelay } from './backoff';
import type { LiveBatch } from './emitter';

/** The part of the browser WebSocket this client uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

const OPEN = 1;

export interface LiveSocketOptions {
  url: () => string;
  onStatus(status: LiveStatus, attempt: number, retryAt: number | null): void;
  onObservations(batch: LiveBatch): void;
  onServerError?(message: string): void;
  /** An alert transition (sent to every client, subscribed or not). */
  onAlert?(message: Extract<LiveServerMessage, { type: 'alert' }>): void;
  /** The datastreams the server confirmed, after every change. */
  onSubscribed?(keys: string[]): void;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
  now?: () => number;
}

/**
 * The live socket: connects, (re)subscribes to the wanted datastreams on every open and
 * reconnects with jittered exponential backoff until stopped.
 */
export class LiveSocket {
  private socket: SocketLike | null = null;
  private wanted = new Set<string>();
  private confirmed = new Set<string>();
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  constructor(private readonly options: LiveSocketOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.attempt = 0;
    this.options.onStatus('idle', 0, null);
  }

  /** Sets the datastreams to receive; sends only the difference while connected. */
  setSubscriptions(keys: readonly string[]): void {
    const next = new Set(keys);
    const added = [...next].filter((k) => !this.wanted.has(k));
    const removed = [...this.wanted].filter((k) => !next.has(k));
    this.wanted = next;
    if (removed.some((k) => this.confirmed.delete(k))) this.reportConfirmed();
    if (removed.length > 0) this.send({ type: 'unsubscribe', datastreams: removed });
    if (added.length > 0) this.send({ type: 'subscribe', datastreams: added });
  }

  private connect(): void {
    this.options.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting', this.attempt, null);
    let socket: SocketLike;
    try {
      // The DOM types declare handlers with `this: WebSocket`; behaviourally it is a SocketLike.
      const create =
        this.options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
      socket = create(this.options.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.options.onStatus('open', 0, null);
      // A new connection knows nothing of the old one's subscriptions.
      if (this.wanted.size > 0) this.send({ type: 'subscribe', datastreams: [...this.wanted] });
    };
    socket.onmessage = (event) => this.receive(event.data);
    // An error is always followed by close; reconnecting is handled there, once.
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.confirmed.clear();
      this.reportConfirmed();
      if (this.running) this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const delay = backoffDelay(this.attempt, this.options.random);
    this.attempt += 1;
    const now = this.options.now ?? Date.now;
    this.options.onStatus('reconnecting', this.attempt, now() + delay);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) this.connect();
    }, delay);
  }

  private reportConfirmed(): void {
    this.options.onSubscribed?.([...this.confirmed]);
  }

  private send(message: LiveClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    // Validate against the contract: a malformed push is dropped, never plotted.
    const parsed = liveServerMessageSchema.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'observations') {
      this.options.onObservations({ datastream: message.datastream, t: message.t, v: message.v });
    } else if (message.type === 'subscribed') {
      for (const key of message.datastreams) if (this.wanted.has(key)) this.confirmed.add(key);
      this.reportConfirmed();
    } else if (message.type === 'alert') {
      this.options.onAlert?.(message);
    } else if (message.type === 'error') {
      this.options.onServerError?.(message.message);
    }
  }
}

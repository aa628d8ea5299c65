import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { routes } from '../../core/contracts/http';
import { liveClientMessageSchema, type LiveServerMessage } from '../../core/contracts/live';
import type { Observation } from '../../core/domain/observation';
import { DuplicateFilter } from '../../core/stream/duplicate-filter';
import { isAllowedHost } from '../http/host-check';

/** An alert transition as the live socket sends it. */
export type LiveAlert = Omit<Extract<LiveServerMessage, { type: 'alert' }>, 'type'>;

/** The live form of an engine event (an `alerts` topic payload). */
export function liveAlertOf(event: {
  id: string;
  type: string;
  ruleId: string;
  alertId: string | null;
  severity: LiveAlert['severity'];
  atMs: number;
  notify: boolean;
  backfill: boolean;
}): LiveAlert {
  const { id, type, ruleId, alertId, severity, atMs, notify, backfill } = event;
  return { id, transition: type, ruleId, alertId, severity, atMs, notify, backfill };
}

/** A client that has this much unsent data is skipped rather than allowed to stall the rest. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** Pushes new observations to the renderers subscribed to their datastreams. */
export class LiveHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly subscriptions = new Map<WebSocket, Set<string>>();
  private readonly alertsSent = new DuplicateFilter(10_000);
  /** How many sockets watch each datastream: what reaches no one is never looked at. */
  private readonly watchers = new Map<string, number>();

  constructor(
    private readonly allowedHosts: readonly string[] = [],
    /** Whether the upgrade's session may watch (required sign-in mode); all by default. */
    private readonly admit: (req: IncomingMessage) => Promise<boolean> = async () => true,
  ) {}

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const allowed = isSameOrigin(req) && isAllowedHost(req, this.allowedHosts);
      if (pathnameOf(req.url) !== routes.live.path || !allowed) {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      socket.on('error', () => socket.destroy());
      void this.admit(req).then((admitted) => {
        if (!admitted) socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
        else if (!socket.destroyed)
          this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
      });
    });
  }

  get clientCount(): number {
    return this.subscriptions.size;
  }

  /** Whether any socket watches the datastream (the feeds skip the others unread). */
  watches(datastream: string): boolean {
    return this.watchers.has(datastream);
  }

  publish(observations: readonly Observation[]): void {
    if (this.subscriptions.size === 0 || observations.length === 0) return;
    const byDatastream = new Map<string, { t: number[]; v: number[] }>();
    for (const o of observations) {
      let series = byDatastream.get(o.datastream);
      if (!series) byDatastream.set(o.datastream, (series = { t: [], v: [] }));
      series.t.push(o.timeMs);
      series.v.push(o.value);
    }
    for (const [datastream, series] of byDatastream) {
      const message = JSON.stringify({
        type: 'observations',
        datastream,
        ...series,
      } satisfies LiveServerMessage);
      for (const [ws, keys] of this.subscriptions) {
        if (keys.has(datastream) && ws.bufferedAmount < MAX_BUFFERED_BYTES) ws.send(message);
      }
    }
  }

  /** Alert transitions go to every client; ids already sent (both feeds deliver them) are skipped. */
  publishAlerts(events: readonly LiveAlert[]): void {
    for (const event of events) {
      if (!this.alertsSent.isNew(event.id, 0)) continue;
      const message = JSON.stringify({ type: 'alert', ...event } satisfies LiveServerMessage);
      for (const ws of this.subscriptions.keys()) {
        if (ws.bufferedAmount < MAX_BUFFERED_BYTES) ws.send(message);
      }
    }
  }

  close(): void {
    for (const ws of this.subscriptions.keys()) ws.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket): void {
    const keys = new Set<string>();
    this.subscriptions.set(ws, keys);
    ws.on('close', () => {
      for (const key of keys) this.watch(key, -1);
      this.subscriptions.delete(ws);
    });
    ws.on('error', () => ws.terminate());
    ws.on('message', (data) => {
      const parsed = liveClientMessageSchema.safeParse(safeJson(String(data)));
      if (!parsed.success) {
        send(ws, {
          type: 'error',
          message: 'expected {"type":"subscribe"|"unsubscribe","datastreams":[...]}',
        });
        return;
      }
      for (const key of parsed.data.datastreams) {
        if (parsed.data.type === 'subscribe' && !keys.has(key)) {
          keys.add(key);
          this.watch(key, 1);
        } else if (parsed.data.type === 'unsubscribe' && keys.delete(key)) {
          this.watch(key, -1);
        }
      }
      send(ws, { type: 'subscribed', datastreams: [...keys] });
    });
  }

  private watch(datastream: string, change: 1 | -1): void {
    const count = (this.watchers.get(datastream) ?? 0) + change;
    if (count > 0) this.watchers.set(datastream, count);
    else this.watchers.delete(datastream);
  }
}

function send(ws: WebSocket, message: LiveServerMessage): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The path of a request target, or undefined when no URL parser accepts it (`//[`): this
 * runs in the server's upgrade event, outside Express, where a throw ends the process.
 */
function pathnameOf(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

/** Blocks other web sites open in the user's browser from reading the local feed. */
function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser (CLI tools, tests)
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

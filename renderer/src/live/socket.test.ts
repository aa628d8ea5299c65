// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSocket } from './socket';
import type { SocketLike } from './socket';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
    this.onclose?.({});
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  push(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const statuses: string[] = [];
  const batches: unknown[] = [];
  const confirmed: string[][] = [];
  const live = new LiveSocket({
    url: () => 'ws://test/api/v1/live',
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    onStatus: (status) => statuses.push(status),
    onObservations: (batch) => batches.push(batch),
    onSubscribed: (keys) => confirmed.push(keys),
    random: () => 0,
    now: () => 0,
  });
  return { live, sockets, statuses, batches, confirmed };
}

describe('LiveSocket', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('subscribes on open and sends only differences afterwards', () => {
    const { live, sockets } = setup();
    live.setSubscriptions(['a', 'b']);
    live.start();
    sockets[0]?.open();
    live.setSubscriptions(['b', 'c']);
    expect(sockets[0]?.sent).toEqual([
      { type: 'subscribe', datastreams: ['a', 'b'] },
      { type: 'unsubscribe', datastreams: ['a'] },
      { type: 'subscribe', datastreams: ['c'] },
    ]);
  });

  it('reconnects with backoff and subscribes again', () => {
    const { live, sockets, statuses } = setup();
    live.setSubscriptions(['a']);
    live.start();
    sockets[0]?.open();
    sockets[0]?.close();
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting']);
    vi.advanceTimersByTime(249);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]?.close(); // refused again: the next wait doubles
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    sockets[2]?.open();
    expect(sockets[2]?.sent).toEqual([{ type: 'subscribe', datastreams: ['a'] }]);
    expect(statuses.at(-1)).toBe('open');
  });

  it('passes valid observations on and drops malformed pushes', () => {
    const { live, sockets, batches } = setup();
    live.start();
    sockets[0]?.open();
    sockets[0]?.push({ type: 'observations', datastream: 'a', t: [1, 2], v: [3, 4] });
    sockets[0]?.push({ type: 'observations', datastream: 'a', t: [1], v: ['x'] });
    sockets[0]?.push('not json');
    expect(batches).toEqual([{ datastream: 'a', t: [1, 2], v: [3, 4] }]);
  });

  it('tracks what the server confirmed, and forgets it on close', () => {
    const { live, sockets, confirmed } = setup();
    live.setSubscriptions(['a']);
    live.start();
    sockets[0]?.open();
    sockets[0]?.push({ type: 'subscribed', datastreams: ['a'] });
    expect(confirmed.at(-1)).toEqual(['a']);
    sockets[0]?.close();
    expect(confirmed.at(-1)).toEqual([]);
  });

  it('stops for good', () => {
    const { live, sockets, statuses } = setup();
    live.start();
    sockets[0]?.open();
    live.stop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('idle');
  });
});

import { describe, expect, it } from 'vitest';
import { LiveSocket } from './socket';
import type { SocketLike } from './socket';

function fakeSocket(): SocketLike & { push(message: unknown): void } {
  const socket = {
    readyState: 1,
    send: () => undefined,
    close: () => undefined,
    onopen: null,
    onclose: null,
    onerror: null,
    onmessage: null as SocketLike['onmessage'],
    push(message: unknown) {
      socket.onmessage?.({ data: JSON.stringify(message) });
    },
  };
  return socket;
}

describe('LiveSocket alert pushes', () => {
  it('hands valid alert transitions to onAlert and drops malformed ones', () => {
    const socket = fakeSocket();
    const alerts: unknown[] = [];
    const live = new LiveSocket({
      url: () => 'ws://test',
      createSocket: () => socket,
      onStatus: () => undefined,
      onObservations: () => undefined,
      onAlert: (message) => alerts.push(message.ruleId),
    });
    live.start();
    const alert = {
      type: 'alert',
      id: 'e1',
      transition: 'fired',
      ruleId: 'hot',
      alertId: 'a1',
      severity: 'critical',
      atMs: 1,
      notify: true,
      backfill: false,
    };
    socket.push(alert);
    socket.push({ ...alert, severity: 'apocalyptic' });
    expect(alerts).toEqual(['hot']);
    live.stop();
  });
});

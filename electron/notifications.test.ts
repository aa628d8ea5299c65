import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ControlledWindow } from './window-control';

// A stand-in for Electron's Notification: records what was shown, lets the test click it.
const shown = vi.hoisted(() => [] as { options: unknown; emit(event: string): boolean }[]);
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class Notification extends Emitter {
    constructor(readonly options: unknown) {
      super();
    }
    show() {
      shown.push(this);
    }
  }
  return { Notification };
});

const { pendingNotifications, showNotification } = await import('./notifications');

function fakeWindow(minimized = false) {
  const calls: string[] = [];
  const sent: [string, unknown][] = [];
  const window: ControlledWindow = {
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
    webContents: { send: (channel, args) => sent.push([channel, args]) },
  };
  return { window, calls, sent };
}

describe('native notifications', () => {
  beforeEach(() => {
    shown.length = 0;
  });

  it('shows title and body only', () => {
    const { window } = fakeWindow();
    showNotification({ title: 'Foehn', body: 'gusts', alertId: 'a-1' }, () => window);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.options).toEqual({ title: 'Foehn', body: 'gusts' });
  });

  it('brings a minimized window forward on the alert when clicked', () => {
    const { window, calls, sent } = fakeWindow(true);
    showNotification({ title: 'Foehn', body: 'gusts', alertId: 'störung/1' }, () => window);
    expect(calls).toEqual([]);
    shown[0]?.emit('click');
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(sent).toEqual([['firn:open-route', { hash: '#/alerts/st%C3%B6rung%2F1' }]]);
  });

  it('only focuses the window when the notification names no alert', () => {
    const { window, calls, sent } = fakeWindow();
    showNotification({ title: 'Station back', body: 'bus ok' }, () => window);
    shown[0]?.emit('click');
    expect(calls).toEqual(['show', 'focus']);
    expect(sent).toEqual([]);
  });

  it('does nothing when the window is gone', () => {
    const { window, calls } = fakeWindow();
    const closed = { ...window, isDestroyed: () => true };
    showNotification({ title: 'a', body: 'b', alertId: 'x' }, () => closed);
    showNotification({ title: 'a', body: 'b', alertId: 'x' }, () => undefined);
    expect(() => shown.forEach((n) => n.emit('click'))).not.toThrow();
    expect(calls).toEqual([]);
  });

  it('holds each notification until it is clicked or closed', () => {
    const { window } = fakeWindow();
    const before = pendingNotifications();
    showNotification({ title: 'a', body: 'b' }, () => window);
    showNotification({ title: 'c', body: 'd' }, () => window);
    expect(pendingNotifications()).toBe(before + 2);
    shown[0]?.emit('click');
    shown[1]?.emit('close');
    expect(pendingNotifications()).toBe(before);
  });

  it('is the handler of firn:notify (main.ts wires it)', async () => {
    const { readFile } = await import('node:fs/promises');
    const main = await readFile(new URL('./main.ts', import.meta.url), 'utf8');
    expect(main).toMatch(/'firn:notify': \(args[^)]*\) =>\s*void showNotification\(args/);
  });
});

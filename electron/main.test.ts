import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../core/contracts/ipc';
import { secureWebPreferences } from './security';

// main.ts run against a stand-in of Electron (the runtime cannot be installed here) and a
// real HTTP server in place of the station: what the shell wires together, end to end.
const fake = vi.hoisted(() => ({
  userData: '',
  stationUrl: '',
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  ipc: new Map<string, (event: unknown, raw: unknown) => void>(),
  windows: [] as unknown[],
  notifications: [] as { options: unknown; emit(event: string): boolean }[],
  menus: [] as unknown[],
  trays: [] as { tooltip: string; image: string }[],
  headers: [] as ((details: unknown, callback: (r: unknown) => void) => void)[],
  permissions: [] as ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void)[],
  kills: [] as string[],
  quits: 0,
  opened: [] as string[],
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class BrowserWindow extends Emitter {
    sent: [string, unknown][] = [];
    calls: string[] = [];
    loaded: string[] = [];
    webContents = {
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      send: (channel: string, args: unknown) => this.sent.push([channel, args]),
    };
    constructor(readonly options: Record<string, unknown>) {
      super();
      fake.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    getNormalBounds() {
      const { x, y, width, height } = this.options as Record<string, number>;
      return { x, y, width, height };
    }
    isMaximized = () => false;
    isFullScreen = () => false;
    isMinimized = () => false;
    isDestroyed = () => false;
    maximize = () => this.calls.push('maximize');
    setFullScreen = () => this.calls.push('fullscreen');
    show = () => this.calls.push('show');
    focus = () => this.calls.push('focus');
    restore = () => this.calls.push('restore');
  }
  class Notification extends Emitter {
    constructor(readonly options: unknown) {
      super();
    }
    show() {
      fake.notifications.push(this);
    }
  }
  class Tray {
    state = { tooltip: '', image: '' };
    constructor(image: { file: string }) {
      this.state.image = image.file;
      fake.trays.push(this.state);
    }
    setImage(image: { file: string }) {
      this.state.image = image.file;
    }
    setToolTip(text: string) {
      this.state.tooltip = text;
    }
    setContextMenu() {}
    on() {}
    destroy() {}
  }
  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  return {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: (...args: unknown[]) => void) =>
        fake.appEvents.set(event, listener),
      whenReady: () => Promise.resolve(),
      getPath: () => fake.userData,
      quit: () => (fake.quits += 1),
    },
    BrowserWindow,
    Notification,
    Tray,
    dialog: { showErrorBox: () => undefined },
    ipcMain: {
      on: (channel: string, fn: (e: unknown, raw: unknown) => void) => fake.ipc.set(channel, fn),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => fake.menus.push(menu),
    },
    nativeImage: { createFromPath: (file: string) => ({ file }) },
    screen: {
      getAllDisplays: () => [{ workArea }],
      getPrimaryDisplay: () => ({ workArea }),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: never) => fake.headers.push(fn) },
        setPermissionRequestHandler: (fn: never) => fake.permissions.push(fn),
      },
    },
    shell: {
      openExternal: (url: string) => fake.opened.push(url),
      openPath: (folder: string) => fake.opened.push(folder),
    },
  };
});

vi.mock('./station-process', () => ({
  startStation: (_root: string, env: Record<string, string>) =>
    Promise.resolve({
      url: fake.stationUrl,
      dataDir: env.FIRN_DATA_DIR,
      process: { kill: (signal: string) => fake.kills.push(signal) },
    }),
}));

interface FakeWindow extends EventEmitter {
  options: Record<string, unknown>;
  sent: [string, unknown][];
  calls: string[];
  loaded: string[];
}

const health = {
  status: 'degraded',
  version: '0.1.0',
  database: { ok: true, kind: 'pglite' },
  bus: { kind: 'kafka', ok: false, error: 'Connection timeout' },
  outbox: { backlog: 1234, oldestAgeSeconds: 5 },
};
let server: http.Server;
let window: FakeWindow;

beforeAll(async () => {
  fake.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-main-'));
  // Saved on a second monitor that is no longer connected.
  fs.writeFileSync(
    path.join(fake.userData, 'window-state.json'),
    JSON.stringify({ bounds: { x: 2500, y: 100, width: 1280, height: 800 }, maximized: true }),
  );
  server = http.createServer((request, response) => {
    response.writeHead(request.url === '/api/health' ? 200 : 404, {
      'content-type': 'application/json',
    });
    response.end(JSON.stringify(health));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.stationUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await import('./main');
  await vi.waitFor(
    () => expect((fake.windows[0] as FakeWindow | undefined)?.loaded).toHaveLength(1),
    { timeout: 30_000 },
  );
  window = fake.windows[0] as FakeWindow;
});

afterAll(async () => {
  fake.appEvents.get('before-quit')?.();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  fs.rmSync(fake.userData, { recursive: true, force: true });
});

const ipc = (channel: string, raw: unknown, from = `${fake.stationUrl}/#/live`) =>
  fake.ipc.get(channel)?.({ senderFrame: { url: from } }, raw);

describe('the desktop shell (main.ts)', () => {
  it('opens one secure window on the station, on screen, as it was left', () => {
    expect(fake.windows).toHaveLength(1);
    expect(window.loaded).toEqual([`${fake.stationUrl}/`]);
    expect(window.options.webPreferences).toEqual(
      secureWebPreferences((window.options.webPreferences as { preload: string }).preload),
    );
    // The saved monitor is gone: centred on the one display left, still maximized.
    const { x, y, width, height } = window.options as Record<string, number>;
    expect({ x, y, width, height }).toEqual({ x: 320, y: 140, width: 1280, height: 800 });
    expect(window.calls).toContain('maximize');
  });

  it('sends the strict CSP with every response and allows only notifications', () => {
    let headers: Record<string, string[]> = {};
    fake.headers[0]?.({ responseHeaders: {} }, (r) => {
      headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders;
    });
    expect(headers['Content-Security-Policy']?.[0]).toMatch(
      /^default-src 'self'; script-src 'self';/,
    );
    const answers: boolean[] = [];
    for (const permission of ['notifications', 'media', 'geolocation']) {
      fake.permissions[0]?.(undefined, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([true, false, false]);
  });

  it('installs the application menu, whose pages open routes in the window', () => {
    const menu = fake.menus.at(-1) as { template: { label?: string; submenu?: unknown }[] };
    const view = menu.template.find((m) => m.label === '&View')!.submenu as {
      id?: string;
      click?: () => void;
    }[];
    view.find((i) => i.id === 'page-rules')!.click!();
    expect(window.sent.at(-1)).toEqual(['firn:open-route', { hash: '#/rules' }]);
  });

  it('shows the station health in the tray, polled over HTTP', async () => {
    await expect.poll(() => fake.trays[0]?.tooltip).toMatch(/^Firn: offline: 1,234 buffered/);
    expect(path.basename(fake.trays[0]!.image)).toBe('tray-offline.png');
  });

  it('takes the IPC channels of the contract from the station page only, checked', () => {
    expect([...fake.ipc.keys()].sort()).toEqual(Object.keys(ipcChannels).sort());
    ipc('firn:notify', { title: 'Foehn', body: 'gusts', alertId: 'a-1' }, 'https://evil.example/');
    ipc('firn:notify', { title: 42, body: 'gusts' });
    expect(fake.notifications).toHaveLength(0);
    ipc('firn:notify', { title: 'Foehn', body: 'gusts', alertId: 'a-1' });
    expect(fake.notifications).toHaveLength(1);
    fake.notifications[0]!.emit('click');
    expect(window.sent.at(-1)).toEqual(['firn:open-route', { hash: '#/alerts/a-1' }]);
    ipc('firn:open-external', { url: 'file:///etc/passwd' });
    ipc('firn:open-external', { url: 'https://www.dwd.de/' });
    expect(fake.opened).toEqual(['https://www.dwd.de/']);
  });

  it('brings the window forward when started a second time', () => {
    window.calls.length = 0;
    fake.appEvents.get('second-instance')?.();
    expect(window.calls).toEqual(['show', 'focus']);
  });

  it('remembers the window state on close and stops the station on quit', () => {
    window.emit('close');
    const saved = JSON.parse(
      fs.readFileSync(path.join(fake.userData, 'window-state.json'), 'utf8'),
    ) as { bounds: unknown; maximized: boolean };
    expect(saved).toMatchObject({ bounds: { x: 320, y: 140, width: 1280, height: 800 } });
    fake.appEvents.get('before-quit')?.();
    expect(fake.kills).toEqual(['SIGTERM']);
  });
});

import path from 'node:path';
import { app, BrowserWindow, ipcMain, Notification, session, shell } from 'electron';
import { ipcChannels, type IpcChannel } from '../core/contracts/ipc';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isExternalLink,
  secureWebPreferences,
} from './security';
import { startStation, type Station } from './station-process';

// The desktop shell stays thin: it starts the same server as browser mode and shows it.
const appRoot = path.resolve(__dirname, '..', '..');
let station: Station | undefined;

function lockDown(window: BrowserWindow, origin: string): void {
  window.webContents.on('will-navigate', (event, target) => {
    if (!isAllowedNavigation(target, origin)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function handleIpc(): void {
  const handlers: { [C in IpcChannel]: (args: never) => void } = {
    'firn:notify': (args: { title: string; body: string }) => new Notification(args).show(),
    'firn:open-external': (args: { url: string }) => void shell.openExternal(args.url),
  };
  for (const channel of Object.keys(ipcChannels) as IpcChannel[]) {
    ipcMain.on(channel, (_event, raw: unknown) => {
      const parsed = ipcChannels[channel].safeParse(raw);
      if (parsed.success) handlers[channel](parsed.data as never);
    });
  }
}

async function openWindow(): Promise<void> {
  station = await startStation(appRoot);
  const origin = new URL(station.url).origin;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permission === 'notifications'),
  );
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Firn',
    backgroundColor: '#0f1419',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  lockDown(window, origin);
  await window.loadURL(`${station.url}/`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => station?.process.kill('SIGTERM'));
  void app.whenReady().then(() => {
    handleIpc();
    return openWindow();
  });
}

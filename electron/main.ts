import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { ipcChannels, type IpcArgs, type IpcChannel } from '../core/contracts/ipc';
import { stationDataDir } from './data-dir';
import { startHealthPolling } from './health-poller';
import { buildMenuTemplate } from './menu';
import { showNotification } from './notifications';
import { pageHash } from './routes';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isExternalLink,
  secureWebPreferences,
} from './security';
import { startStation, type Station } from './station-process';
import { createStatusTray } from './tray';
import { bringForward, openRoute } from './window-control';
import { placeWindow } from './window-state';
import { readWindowState, rememberWindowState, windowStateFile } from './window-state-store';

// The desktop shell stays thin: it starts the same server as browser mode and shows it.
// Everything with a decision in it lives in the modules imported above, each with tests.
const appRoot = path.resolve(__dirname, '..', '..');
const iconDir = path.join(appRoot, 'resources', 'icons');
const dataDir = stationDataDir(process.env, os.homedir());
let station: Station | undefined;
let mainWindow: BrowserWindow | undefined;
let stopPolling: (() => void) | undefined;
let tray: ReturnType<typeof createStatusTray> | undefined;
/** The station's origin, once it runs: the only page whose messages are taken. */
let stationOrigin: string | undefined;

const currentWindow = () => mainWindow;
const openExternal = (url: string) => {
  if (isExternalLink(url)) void shell.openExternal(url);
};

function lockDown(window: BrowserWindow, origin: string): void {
  window.webContents.on('will-navigate', (event, target) => {
    if (!isAllowedNavigation(target, origin)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

function handleIpc(): void {
  const handlers: { [C in IpcChannel]: (args: never) => void } = {
    'firn:notify': (args: IpcArgs<'firn:notify'>) => void showNotification(args, currentWindow),
    'firn:open-external': (args: { url: string }) => openExternal(args.url),
  };
  for (const channel of Object.keys(ipcChannels) as IpcChannel[]) {
    ipcMain.on(channel, (event, raw: unknown) => {
      const sender = event.senderFrame?.url ?? '';
      if (!stationOrigin || !isAllowedNavigation(sender, stationOrigin)) return;
      const parsed = ipcChannels[channel].safeParse(raw);
      if (parsed.success) handlers[channel](parsed.data as never);
    });
  }
}

function installMenu(stationUrl: string): void {
  const template = buildMenuTemplate(
    {
      platform: process.platform,
      dataDir,
      helpLinks: [{ label: 'HTTP API Reference', url: `${stationUrl}/api/openapi.json` }],
      devTools: !app.isPackaged,
    },
    {
      openDataFolder: () => {
        fs.mkdirSync(dataDir, { recursive: true });
        void shell.openPath(dataDir);
      },
      openPage: (page) => {
        bringForward(mainWindow);
        openRoute(mainWindow, pageHash(page));
      },
      openExternal,
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function openWindow(): Promise<void> {
  station = await startStation(appRoot, { FIRN_DATA_DIR: dataDir });
  const origin = new URL(station.url).origin;
  stationOrigin = origin;
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
  installMenu(station.url);
  const stateFile = windowStateFile(app.getPath('userData'));
  const placed = placeWindow(
    readWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    ...placed.bounds,
    title: 'Firn',
    icon: path.join(iconDir, 'icon.png'),
    backgroundColor: '#0f1419',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  mainWindow = window;
  window.on('closed', () => (mainWindow = undefined));
  if (placed.maximized) window.maximize();
  if (placed.fullScreen) window.setFullScreen(true);
  window.once('ready-to-show', () => window.show());
  rememberWindowState(window, stateFile, (error) => console.error('window state:', error));
  lockDown(window, origin);
  const poller = startHealthPolling({
    url: `${station.url}/api/health`,
    onStatus: (status) => tray?.update(status),
  });
  stopPolling = poller.stop;
  await window.loadURL(`${station.url}/`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => bringForward(mainWindow));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    stopPolling?.();
    tray?.destroy();
    station?.process.kill('SIGTERM');
  });
  void app
    .whenReady()
    .then(() => {
      handleIpc();
      tray = createStatusTray(iconDir, {
        show: () => bringForward(mainWindow),
        openAlerts: () => {
          bringForward(mainWindow);
          openRoute(mainWindow, pageHash('alerts'));
        },
        quit: () => app.quit(),
      });
      return openWindow();
    })
    .catch((error: Error) => {
      // Without its station the window would be empty: say why and leave.
      dialog.showErrorBox('Firn could not start', error.message);
      app.quit();
    });
}

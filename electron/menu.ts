import type { MenuItemConstructorOptions } from 'electron';
import { DESKTOP_PAGES, type DesktopPage } from './routes';

export interface MenuActions {
  openDataFolder(): void;
  openPage(page: DesktopPage): void;
  /** Opens an http(s) address in the system browser. */
  openExternal(url: string): void;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  /** Where the station keeps its database and results (File → Open data folder). */
  dataDir: string;
  /** Help menu entries, opened in the system browser. */
  helpLinks: { label: string; url: string }[];
  /** Developer tools only in an unpackaged (development) run. */
  devTools: boolean;
}

/**
 * A page's menu accelerator: the same letter as its `g x` shortcut in the page, with
 * Ctrl+Shift (⌘⇧ on macOS), since a menu cannot wait for a two-key sequence. The page's own
 * handler ignores keys with Ctrl or ⌘, so the two never both fire.
 */
export function pageAccelerator(key: string): string {
  return `CmdOrCtrl+Shift+${key.toUpperCase()}`;
}

function pageItems(actions: MenuActions): MenuItemConstructorOptions[] {
  return DESKTOP_PAGES.map(({ page, label, key }) => ({
    id: `page-${page}`,
    label,
    // The menu shows the accelerator; the tooltip (macOS) recalls the in-page shortcut.
    toolTip: `g ${key}`,
    accelerator: pageAccelerator(key),
    click: () => actions.openPage(page),
  }));
}

/** The application menu as a template for Menu.buildFromTemplate: pure, so it is tested. */
export function buildMenuTemplate(
  context: MenuContext,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = context.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      {
        id: 'open-data-folder',
        label: 'Open Data Folder',
        toolTip: context.dataDir,
        click: () => actions.openDataFolder(),
      },
      // On macOS Quit lives in the application menu.
      ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // No forceReload: its Ctrl+Shift+R is the Rules page.
      { role: 'reload' },
      ...(context.devTools ? [{ role: 'toggleDevTools' as const }] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      { type: 'separator' },
      ...pageItems(actions),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: context.helpLinks.map(({ label, url }) => ({
      label,
      click: () => actions.openExternal(url),
    })),
  };
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    file,
    // Without an Edit menu, copy and paste shortcuts do nothing on macOS.
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    help,
  ];
}

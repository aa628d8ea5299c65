import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions, type MenuContext } from './menu';
import { DESKTOP_PAGES } from './routes';

const context: MenuContext = {
  platform: 'linux',
  dataDir: '/home/op/.local/share/firn',
  helpLinks: [{ label: 'HTTP API Reference', url: 'http://127.0.0.1:8787/api/openapi.json' }],
  devTools: false,
};

function actions() {
  return {
    openDataFolder: vi.fn<MenuActions['openDataFolder']>(),
    openPage: vi.fn<MenuActions['openPage']>(),
    openExternal: vi.fn<MenuActions['openExternal']>(),
  };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  expect(Array.isArray(item?.submenu)).toBe(true);
  return item!.submenu as MenuItemConstructorOptions[];
}

function click(item: MenuItemConstructorOptions | undefined): void {
  expect(item?.click).toBeTypeOf('function');
  (item!.click as () => void)();
}

/** Every item of the tree, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

describe('application menu', () => {
  it('has File, Edit, View, Window and Help, with Quit under File off macOS', () => {
    const template = buildMenuTemplate(context, actions());
    expect(template.map((m) => m.label ?? m.role)).toEqual([
      '&File',
      'editMenu',
      '&View',
      'windowMenu',
      '&Help',
    ]);
    expect(submenu(template[0]).map((i) => i.role ?? i.type ?? i.id)).toEqual([
      'open-data-folder',
      'separator',
      'quit',
    ]);
  });

  it('opens the data folder and the help links through the actions', () => {
    const spies = actions();
    const template = buildMenuTemplate(context, spies);
    const openFolder = submenu(template[0])[0];
    expect(openFolder?.toolTip).toBe(context.dataDir);
    click(openFolder);
    expect(spies.openDataFolder).toHaveBeenCalledOnce();
    const help = submenu(template.at(-1));
    expect(help.map((i) => i.label)).toEqual(['HTTP API Reference']);
    click(help[0]);
    expect(spies.openExternal).toHaveBeenCalledWith('http://127.0.0.1:8787/api/openapi.json');
  });

  it('lists reload, zoom, full screen and every page with its g-shortcut letter', () => {
    const spies = actions();
    const view = submenu(buildMenuTemplate(context, spies)[2]);
    const roles = view.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const pages = view.filter((i) => i.id?.startsWith('page-'));
    expect(pages.map((i) => i.label)).toEqual(DESKTOP_PAGES.map((p) => p.label));
    for (const [index, { page, key }] of DESKTOP_PAGES.entries()) {
      expect(pages[index]?.accelerator).toBe(`CmdOrCtrl+Shift+${key.toUpperCase()}`);
      expect(pages[index]?.toolTip).toBe(`g ${key}`);
      click(pages[index]);
      expect(spies.openPage).toHaveBeenLastCalledWith(page);
    }
  });

  it('gives no two items the same accelerator (roles use Ctrl+R, Ctrl+0, Ctrl+±, F11)', () => {
    const items = flatten(buildMenuTemplate({ ...context, devTools: true }, actions()));
    const accelerators = items.flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
    // Force reload would take Ctrl+Shift+R from the Rules page.
    expect(items.some((i) => i.role === 'forceReload')).toBe(false);
    expect(accelerators).not.toContain('CmdOrCtrl+R');
  });

  it('has developer tools only in development', () => {
    const roles = (devTools: boolean) =>
      flatten(buildMenuTemplate({ ...context, devTools }, actions())).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('puts the application menu first on macOS and Quit there, not under File', () => {
    const template = buildMenuTemplate({ ...context, platform: 'darwin' }, actions());
    expect(template[0]?.role).toBe('appMenu');
    expect(submenu(template[1]).some((i) => i.role === 'quit')).toBe(false);
  });
});

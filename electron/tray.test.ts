import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { TrayState } from './tray-status';

// Stand-ins for Electron's Tray, Menu and nativeImage that record what the tray was given.
const electron = vi.hoisted(() => ({
  trays: [] as {
    image: string;
    tooltip: string;
    menus: unknown[];
    listeners: Record<string, () => void>;
    destroyed: boolean;
  }[],
}));
vi.mock('electron', () => ({
  nativeImage: { createFromPath: (file: string) => ({ file }) },
  Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
  Tray: class {
    state = { image: '', tooltip: '', menus: [] as unknown[], listeners: {}, destroyed: false };
    constructor(image: { file: string }) {
      this.state.image = image.file;
      electron.trays.push(this.state);
    }
    setImage(image: { file: string }) {
      this.state.image = image.file;
    }
    setToolTip(text: string) {
      this.state.tooltip = text;
    }
    setContextMenu(menu: unknown) {
      this.state.menus.push(menu);
    }
    on(event: string, listener: () => void) {
      (this.state.listeners as Record<string, () => void>)[event] = listener;
    }
    destroy() {
      this.state.destroyed = true;
    }
  },
}));

const { createStatusTray, trayIconFile } = await import('./tray');
const { trayStatus } = await import('./tray-status');

const iconDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');
const STATES: TrayState[] = ['ok', 'offline', 'degraded', 'unreachable'];

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const healthy = {
  status: 'ok',
  version: '0.1.0',
  database: { ok: true, kind: 'pglite' },
  bus: { kind: 'embedded', ok: true },
  outbox: { backlog: 0, oldestAgeSeconds: null },
};

describe('status tray', () => {
  it('has a 16×16 icon and a 32×32 @2x icon for every state', () => {
    for (const state of STATES) {
      expect(pngSize(trayIconFile(iconDir, state))).toEqual({ width: 16, height: 16 });
      const hiDpi = trayIconFile(iconDir, state).replace(/\.png$/, '@2x.png');
      expect(pngSize(hiDpi)).toEqual({ width: 32, height: 32 });
    }
  });

  it('starts as "starting", then follows the station: icon, tooltip and menu', () => {
    const actions = { show: vi.fn(), openAlerts: vi.fn(), quit: vi.fn() };
    const tray = createStatusTray(iconDir, actions);
    const state = electron.trays.at(-1)!;
    expect(state.tooltip).toBe('Firn: starting');
    expect(path.basename(state.image)).toBe('tray-unreachable.png');
    tray.update(trayStatus(healthy));
    expect(path.basename(state.image)).toBe('tray-ok.png');
    expect(state.tooltip.split('\n')[0]).toBe('Firn: ok');
    const offline = {
      ...healthy,
      status: 'degraded',
      bus: { kind: 'kafka', ok: false, error: 'timeout' },
      outbox: { backlog: 7, oldestAgeSeconds: 3 },
    };
    tray.update(trayStatus(offline));
    expect(path.basename(state.image)).toBe('tray-offline.png');
    expect(state.tooltip.split('\n')[0]).toBe('Firn: offline: 7 buffered');
    const menu = state.menus.at(-1) as { template: { label?: string }[] };
    expect(menu.template[0]?.label).toBe('Station: offline: 7 buffered');
    state.listeners.click?.();
    expect(actions.show).toHaveBeenCalledOnce();
    tray.destroy();
    expect(state.destroyed).toBe(true);
  });

  it('does not rebuild the menu when a poll repeats the same answer', () => {
    const tray = createStatusTray(iconDir, { show: vi.fn(), openAlerts: vi.fn(), quit: vi.fn() });
    const state = electron.trays.at(-1)!;
    tray.update(trayStatus(healthy));
    const menus = state.menus.length;
    tray.update(trayStatus(healthy));
    tray.update(trayStatus(healthy));
    expect(state.menus.length).toBe(menus);
  });
});

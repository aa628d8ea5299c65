import path from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import { trayMenuTemplate, type TrayActions, type TrayState, type TrayStatus } from './tray-status';

/** resources/icons/tray-<state>.png (16×16, with an @2x of 32×32 picked up on HiDPI). */
export function trayIconFile(iconDir: string, state: TrayState): string {
  return path.join(iconDir, `tray-${state}.png`);
}

export const STARTING: TrayStatus = {
  state: 'unreachable',
  headline: 'starting',
  details: [],
  tooltip: 'Firn: starting',
};

/** The tray icon with the station's health: icon colour, tooltip and a status menu. */
export function createStatusTray(
  iconDir: string,
  actions: TrayActions,
): { update(status: TrayStatus): void; destroy(): void } {
  const tray = new Tray(nativeImage.createFromPath(trayIconFile(iconDir, STARTING.state)));
  let current: TrayStatus | undefined;
  const update = (status: TrayStatus) => {
    // Polls repeat the same answer most of the time; rebuilding the menu each time flickers.
    if (current && JSON.stringify(current) === JSON.stringify(status)) return;
    if (current?.state !== status.state) {
      tray.setImage(nativeImage.createFromPath(trayIconFile(iconDir, status.state)));
    }
    tray.setToolTip(status.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(status, actions)));
    current = status;
  };
  // Windows and Linux: a click on the icon opens the window (macOS opens the menu).
  tray.on('click', () => actions.show());
  update(STARTING);
  return { update, destroy: () => tray.destroy() };
}

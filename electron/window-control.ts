import { ipcEvents, type IpcEventArgs } from '../core/contracts/ipc';

/** The part of a BrowserWindow this needs (tests pass a stand-in). */
export interface ControlledWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  webContents: { send(channel: string, args: unknown): void };
}

/** Brings the window to the front, from the tray, a minimized state or behind others. */
export function bringForward(window: ControlledWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Asks the page to go to a route; the preload checks it against the same schema and sets
 * location.hash, so the renderer's hash routing takes it from there (no reload).
 */
export function openRoute(window: ControlledWindow | undefined, hash: string): void {
  if (!window || window.isDestroyed()) return;
  const args: IpcEventArgs<'firn:open-route'> = ipcEvents['firn:open-route'].parse({ hash });
  window.webContents.send('firn:open-route', args);
}

import fs from 'node:fs';
import path from 'node:path';
import { parseWindowState, type Rect, type WindowState } from './window-state';

/** The file in Electron's user data folder (app.getPath('userData')). */
export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

/** The remembered state, or undefined when there is none or it cannot be read. */
export function readWindowState(file: string): WindowState | undefined {
  try {
    return parseWindowState(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Written beside and renamed over, so a crash mid-write leaves the old file, not half a one. */
export function writeWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

/** The part of a BrowserWindow this needs (tests pass a stand-in). */
export interface TrackedWindow {
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
}

/** Saves the window's state when it closes; the normal bounds, so un-maximizing restores them. */
export function rememberWindowState(
  window: TrackedWindow,
  file: string,
  onError: (error: Error) => void = () => {},
): void {
  window.on('close', () => {
    try {
      writeWindowState(file, {
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized(),
        fullScreen: window.isFullScreen(),
      });
    } catch (error) {
      // A read-only profile must not keep the window from closing.
      onError(error as Error);
    }
  });
}

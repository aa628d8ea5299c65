import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../context';

/** Why the desktop window cannot open here, or undefined when it can. */
export function desktopUnavailableReason(): string | undefined {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display is available';
  }
  try {
    const electronBinary = createRequire(import.meta.url)('electron') as unknown;
    if (typeof electronBinary !== 'string' || !fs.existsSync(electronBinary)) {
      return 'no Electron runtime is installed';
    }
  } catch {
    return 'no Electron runtime is installed';
  }
  if (!fs.existsSync(path.join(repoRoot, 'electron', 'dist', 'main.cjs'))) {
    return 'the Electron shell is not built (npm run build:electron)';
  }
  return undefined;
}

/** Hands over to the Electron shell, which starts the station itself and opens the window. */
export function launchDesktop(): Promise<number> {
  const electronBinary = createRequire(import.meta.url)('electron') as string;
  const child = spawn(electronBinary, [repoRoot], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface Station {
  url: string;
  process: ChildProcess;
}

/**
 * Starts the control room server as a child process: Electron's own binary run as plain
 * Node.js, the same `firn start` that browser mode uses. Resolves with its URL. `env` is
 * added to this process's environment (e.g. FIRN_DATA_DIR).
 */
export function startStation(appRoot: string, env: NodeJS.ProcessEnv = {}): Promise<Station> {
  const child = spawn(process.execPath, [path.join(appRoot, 'bin', 'firn.js'), 'start'], {
    cwd: appRoot,
    env: { ...process.env, ...env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the station server exited with code ${code}`)));
    lines.on('line', (line) => {
      const match = /Firn control room: (http:\/\/\S+?)\/?$/.exec(line);
      if (match) resolve({ url: match[1] as string, process: child });
    });
  });
}

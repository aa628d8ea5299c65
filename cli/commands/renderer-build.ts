import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../context';

const distIndex = path.join(repoRoot, 'renderer', 'dist', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The UI is served from renderer/dist. Build it when it is missing or older than its
 * sources (renderer/ and core/), so `npm start` on a fresh clone is one command.
 */
export function ensureRendererBuilt(log: (message: string) => void): string | undefined {
  const rendererDir = path.join(repoRoot, 'renderer');
  const built = fs.existsSync(distIndex) ? fs.statSync(distIndex).mtimeMs : 0;
  if (!fs.existsSync(path.join(rendererDir, 'vite.config.ts'))) return path.dirname(distIndex);
  const sources = Math.max(newestMtime(rendererDir), newestMtime(path.join(repoRoot, 'core')));
  if (built >= sources) return path.dirname(distIndex);
  log(built ? 'UI sources changed: rebuilding the UI…' : 'building the UI (first start)…');
  const result = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'renderer/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) {
    log(
      'building the UI failed (see above): the API runs without the UI; npm run build:renderer shows why',
    );
    return undefined;
  }
  return path.dirname(distIndex);
}

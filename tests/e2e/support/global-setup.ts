import { spawnSync } from 'node:child_process';
import { repoRoot } from './process';

/**
 * Builds the UI once before any test. `firn start` rebuilds renderer/dist when its sources
 * are newer; with two workers, two servers would rebuild the same folder at the same time
 * and one could serve a half-written build.
 */
export default function globalSetup(): void {
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'renderer/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error('building the UI failed: see the output above');
}

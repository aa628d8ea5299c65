import path from 'node:path';

/**
 * The station's data folder: FIRN_DATA_DIR, else the same default as infra/config.ts
 * ($XDG_DATA_HOME/firn, ~/.local/share/firn), so the desktop app and `firn start` share one
 * database. Main passes it to the station explicitly, so File → Open Data Folder opens the
 * folder the station really uses.
 */
export function stationDataDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  if (env.FIRN_DATA_DIR) return path.resolve(env.FIRN_DATA_DIR);
  const base = env.XDG_DATA_HOME || path.join(homeDir, '.local', 'share');
  return path.resolve(base, 'firn');
}

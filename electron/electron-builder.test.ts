import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// electron-builder's own loader and schema check (what `npx electron-builder` runs first):
// the packaging itself needs the Electron runtime, which cannot be downloaded here.
interface BuilderConfig {
  appId: string;
  asar: boolean;
  files: { filter: string[] }[];
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
}
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, file: string, options: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = () => getConfig(root, 'electron-builder.yml', null);

function pngSize(file: string): number {
  return fs.readFileSync(path.join(root, file)).readUInt32BE(16);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s configuration schema', async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('builds AppImage and deb, NSIS and dmg, each with an icon large enough', async () => {
    const config = await load();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    // Windows needs 256 px, macOS 512 px to derive its .ico and .icns from a PNG.
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) {
      expect(pngSize(icon)).toBeGreaterThanOrEqual(512);
    }
  });

  it('ships what the station runs from: folders that exist, the built UI, no tests', async () => {
    const config = await load();
    const filters = config.files.flatMap((f) => f.filter);
    const shipped = filters.filter((f) => !f.startsWith('!'));
    for (const folder of ['bin', 'cli', 'core', 'infra', 'server', 'workers', 'resources']) {
      expect(shipped).toContain(`${folder}/**`);
      expect(fs.statSync(path.join(root, folder)).isDirectory()).toBe(true);
    }
    expect(shipped).toEqual(expect.arrayContaining(['renderer/dist/**', 'electron/dist/**']));
    expect(filters).toEqual(
      expect.arrayContaining(['!renderer/vite.config.ts', '!**/*.test.{ts,tsx}']),
    );
    // package.json's main is the bundled shell, inside what is shipped.
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('electron/dist/main.cjs');
    expect(pkg.dependencies).toHaveProperty('tsx');
    expect(pkg.dependencies).toHaveProperty('@electric-sql/pglite');
  });

  it('keeps the app unpacked, because the station starts with its cwd in the app folder', async () => {
    const config = await load();
    expect(config.asar).toBe(false);
    const station = fs.readFileSync(path.join(root, 'electron', 'station-process.ts'), 'utf8');
    expect(station).toMatch(/cwd: appRoot/);
  });
});

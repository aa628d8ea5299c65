// Bundles the Electron main and preload scripts to CommonJS in electron/dist.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'electron/dist/main.cjs' });
await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'electron/dist/preload.cjs',
});
console.log('electron/dist/main.cjs and preload.cjs built');

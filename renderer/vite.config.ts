import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Resolve the root from this file, not the cwd, so the config works from any folder.
// (import.meta.dirname instead of node:url keeps renderer/ free of node: imports.)
const root = import.meta.dirname;

/** The local server serves renderer/dist as static files, same origin as the API. */
export default defineConfig({
  root,
  // Relative asset URLs so the same build works from the server and from file:// in Electron.
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // plotly's basic bundle alone is ~1.2 MB minified; it is lazy-loaded in its own chunk.
    chunkSizeWarningLimit: 1400,
  },
  server: {
    // During `vite dev`, forward the API and the live socket to a running `firn start`.
    proxy: {
      '/api': { target: 'http://127.0.0.1:8787', ws: true },
      '/metrics': 'http://127.0.0.1:8787',
    },
  },
});

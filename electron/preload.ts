import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { ipcEvents, type DesktopBridge } from '../core/contracts/ipc';

// zod compiles fast paths with new Function; the page's CSP forbids eval, so check without.
z.config({ jitless: true });

// The page gets these two functions and nothing else of Electron or Node.js.
const bridge: DesktopBridge = {
  notify: (args) => ipcRenderer.send('firn:notify', args),
  openExternal: (args) => ipcRenderer.send('firn:open-external', args),
};
contextBridge.exposeInMainWorld('firnDesktop', bridge);

// Main asks for a route (menu page, clicked notification): checked here, then handed to the
// page's own hash routing. Nothing else of the message reaches the page.
ipcRenderer.on('firn:open-route', (_event, raw: unknown) => {
  const parsed = ipcEvents['firn:open-route'].safeParse(raw);
  if (parsed.success && location.hash !== parsed.data.hash) location.hash = parsed.data.hash;
});

import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopBridge } from '../core/contracts/ipc';

// The page gets these two functions and nothing else of Electron or Node.js.
const bridge: DesktopBridge = {
  notify: (args) => ipcRenderer.send('firn:notify', args),
  openExternal: (args) => ipcRenderer.send('firn:open-external', args),
};
contextBridge.exposeInMainWorld('firnDesktop', bridge);

import { z } from 'zod';

/**
 * The IPC table: every channel between the renderer (through the preload bridge) and the
 * Electron main process, with its argument schema. Main refuses any other channel and
 * checks every argument against this table.
 */
export const ipcChannels = {
  /** A native desktop notification (alerts when the window is in the background). */
  'firn:notify': z.object({ title: z.string().max(200), body: z.string().max(2000) }),
  /** Opens an http(s) link in the system browser. */
  'firn:open-external': z.object({ url: z.url({ protocol: /^https?$/ }) }),
} as const;

export type IpcChannel = keyof typeof ipcChannels;
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcChannels)[C]>;

/** What the preload exposes as `window.firnDesktop`; absent when running in a plain browser. */
export interface DesktopBridge {
  notify(args: IpcArgs<'firn:notify'>): void;
  openExternal(args: IpcArgs<'firn:open-external'>): void;
}

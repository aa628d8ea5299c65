import { z } from 'zod';

/**
 * The IPC table: every channel between the renderer (through the preload bridge) and the
 * Electron main process, with its argument schema. Main refuses any other channel and
 * checks every argument against this table.
 */
export const ipcChannels = {
  /**
   * A native desktop notification (alerts when the window is in the background). With an
   * alert id, clicking it brings the window forward on that alert (`#/alerts/<id>`).
   */
  'firn:notify': z.object({
    title: z.string().max(200),
    body: z.string().max(2000),
    alertId: z.string().min(1).max(200).optional(),
  }),
  /** Opens an http(s) link in the system browser. */
  'firn:open-external': z.object({ url: z.url({ protocol: /^https?$/ }) }),
} as const;

export type IpcChannel = keyof typeof ipcChannels;
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcChannels)[C]>;

/**
 * A control-room address: `#/<page>` or `#/<page>/<encoded id>`, as the renderer's hash
 * routing reads it. Only these characters, so nothing but a route ever reaches `location`.
 */
export const routeHashSchema = z
  .string()
  .max(4000)
  .regex(/^#\/[a-z]+(?:\/[A-Za-z0-9%._~!*'()-]+)?$/);

/**
 * The other direction, main process → page: messages the preload receives, checks and acts
 * on itself (the page's code is not involved, so the bridge stays two functions).
 */
export const ipcEvents = {
  /** Go to this route (the menu's pages, a clicked notification's alert). */
  'firn:open-route': z.object({ hash: routeHashSchema }),
} as const;

export type IpcEvent = keyof typeof ipcEvents;
export type IpcEventArgs<E extends IpcEvent> = z.infer<(typeof ipcEvents)[E]>;

/** What the preload exposes as `window.firnDesktop`; absent when running in a plain browser. */
export interface DesktopBridge {
  notify(args: IpcArgs<'firn:notify'>): void;
  openExternal(args: IpcArgs<'firn:open-external'>): void;
}

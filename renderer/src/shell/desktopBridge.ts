import type { DesktopBridge } from '../../../core/contracts/ipc';

/**
 * The desktop app's bridge (electron/preload.ts), typed once in core/contracts/ipc.ts;
 * undefined when the control room runs in a plain browser.
 */
export function desktopBridge(): DesktopBridge | undefined {
  return (globalThis as { firnDesktop?: DesktopBridge }).firnDesktop;
}

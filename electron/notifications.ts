import { Notification } from 'electron';
import type { IpcArgs } from '../core/contracts/ipc';
import { alertHash } from './routes';
import { bringForward, openRoute, type ControlledWindow } from './window-control';

// Electron drops the click handler of a notification that was garbage-collected while still
// on screen; holding each one until it is clicked or closed keeps its handler alive.
const shown = new Set<Notification>();

/**
 * Shows a native notification; clicking it brings the control room forward, on the alert
 * when the notification names one.
 */
export function showNotification(
  args: IpcArgs<'firn:notify'>,
  window: () => ControlledWindow | undefined,
): Notification {
  const notification = new Notification({ title: args.title, body: args.body });
  shown.add(notification);
  notification.on('click', () => {
    shown.delete(notification);
    const target = window();
    bringForward(target);
    if (args.alertId !== undefined) openRoute(target, alertHash(args.alertId));
  });
  notification.on('close', () => shown.delete(notification));
  notification.show();
  return notification;
}

/** How many notifications are held for their click handlers (for tests). */
export function pendingNotifications(): number {
  return shown.size;
}

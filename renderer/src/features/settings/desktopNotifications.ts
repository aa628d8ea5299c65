import type { DesktopBridge } from '../../../../core/contracts/ipc';
import type { LiveServerMessage } from '../../../../core/contracts/live';
import { wantsDesktop } from '../../../../core/contracts/notify';
import {
  withheldBecause,
  type NotificationPreferences,
} from '../../../../core/contracts/preferences';

// Desktop notifications from the live feed: in the desktop app through its bridge (the main
// process shows a native notification and, on a click, raises the window even when it is
// minimised), in a browser through the Web Notification API. The server already decided whether an alert
// transition is worth telling (`notify`: not backfill, not pending, not while flapping);
// here the signed-in user's own preferences decide whether this desk shows it.

export type LiveAlert = Extract<LiveServerMessage, { type: 'alert' }>;

/** The part of the Notification API used here, so tests inject a fake constructor. */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (
    title: string,
    options?: NotificationOptions,
  ): {
    onclick: ((event: Event) => void) | null;
    close(): void;
  };
}

export interface DesktopNotice {
  alertId: string;
  title: string;
  body: string;
  /** The event id: the system replaces, rather than repeats, a notice sent twice. */
  tag: string;
}

/** What to show for an alert message, or null with nothing to show. */
export function desktopNoticeFor(
  message: LiveAlert,
  preferences: NotificationPreferences | null,
  permission: NotificationPermission,
  nowMs: number,
): DesktopNotice | null {
  if (!message.notify || message.backfill || message.alertId === null) return null;
  if (permission !== 'granted' || preferences === null) return null;
  if (!wantsDesktop(preferences.channels)) return null;
  // Minimum severity and quiet hours, as the server applies them to the other channels.
  if (withheldBecause(preferences, message.severity, nowMs) !== null) return null;
  return {
    alertId: message.alertId,
    title: `[${message.severity}] ${message.ruleId}: ${message.transition}`,
    body: `Alert ${message.alertId} at ${new Date(message.atMs).toISOString()}`,
    tag: message.id,
  };
}

/**
 * Shows a notice; a click brings the control room to the front and opens the alert.
 * `shown` remembers event ids: the same transition can arrive twice (in-process and
 * from the bus), and is shown once.
 */
export function showDesktopNotice(
  notice: DesktopNotice,
  deps: { Notification: NotificationApi; focus(): void; openAlert(id: string): void },
  shown: Set<string>,
): boolean {
  if (shown.has(notice.tag)) return false;
  shown.add(notice.tag);
  const notification = new deps.Notification(notice.title, { body: notice.body, tag: notice.tag });
  notification.onclick = () => {
    deps.focus();
    deps.openAlert(notice.alertId);
    notification.close();
  };
  return true;
}

/**
 * The same in the desktop app: main shows the notice natively and, on a click, brings the
 * window forward on the alert. Once per event id, as above.
 */
export function sendToDesktopApp(
  notice: DesktopNotice,
  bridge: Pick<DesktopBridge, 'notify'>,
  shown: Set<string>,
): boolean {
  if (shown.has(notice.tag)) return false;
  shown.add(notice.tag);
  // The IPC table caps the lengths; main refuses a longer message outright.
  bridge.notify({
    title: notice.title.slice(0, 200),
    body: notice.body.slice(0, 2000),
    alertId: notice.alertId.slice(0, 200),
  });
  return true;
}

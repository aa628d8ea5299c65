import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveAlerts } from '../../live/emitter';
import { startDesktopNotifications, useDesktop } from './desktopNotifier';
import { ipcChannels } from '../../../../core/contracts/ipc';
import { notificationPreferencesSchema } from '../../../../core/contracts/preferences';
import {
  desktopNoticeFor,
  showDesktopNotice,
  type LiveAlert,
  type NotificationApi,
} from './desktopNotifications';

const firing: LiveAlert = {
  type: 'alert',
  id: 'south-foehn@2017-03-04T12:00:00.000Z/firing',
  transition: 'firing',
  ruleId: 'south-foehn',
  alertId: 'south-foehn@2017-03-04T12:00:00.000Z',
  severity: 'warning',
  atMs: Date.parse('2017-03-04T12:10:00Z'),
  notify: true,
  backfill: false,
};
const desktop = notificationPreferencesSchema.parse({ channels: [{ kind: 'desktop' }] });
const noon = Date.parse('2026-11-25T12:00:00Z');

/** A fake Notification constructor that records what it was asked to show. */
function fakeNotificationApi() {
  const shown: { title: string; options?: NotificationOptions; instance: FakeNotice }[] = [];
  class FakeNotice {
    static permission: NotificationPermission = 'granted';
    static requestPermission = () => Promise.resolve<NotificationPermission>('granted');
    onclick: ((event: Event) => void) | null = null;
    closed = false;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options, instance: this });
    }
    close() {
      this.closed = true;
    }
  }
  return { api: FakeNotice as unknown as NotificationApi, shown };
}

describe('desktop notification decision', () => {
  it('shows a notifying alert when the user asked for desktop notifications', () => {
    const notice = desktopNoticeFor(firing, desktop, 'granted', noon);
    expect(notice).toMatchObject({ alertId: firing.alertId, tag: firing.id });
    expect(notice?.title).toBe('[warning] south-foehn: firing');
  });

  it('shows nothing without permission, preferences, the desktop channel, or the notify flag', () => {
    const email = notificationPreferencesSchema.parse({
      channels: [{ kind: 'email', to: ['a@b.org'] }],
    });
    expect(desktopNoticeFor(firing, desktop, 'default', noon)).toBeNull();
    expect(desktopNoticeFor(firing, desktop, 'denied', noon)).toBeNull();
    expect(desktopNoticeFor(firing, null, 'granted', noon)).toBeNull();
    expect(desktopNoticeFor(firing, email, 'granted', noon)).toBeNull();
    expect(desktopNoticeFor({ ...firing, notify: false }, desktop, 'granted', noon)).toBeNull();
    expect(desktopNoticeFor({ ...firing, backfill: true }, desktop, 'granted', noon)).toBeNull();
    expect(desktopNoticeFor({ ...firing, alertId: null }, desktop, 'granted', noon)).toBeNull();
  });

  it('respects the minimum severity and quiet hours, letting critical alerts through', () => {
    const quiet = notificationPreferencesSchema.parse({
      channels: [{ kind: 'desktop' }],
      quietHours: { from: '22:00', to: '06:00', timeZone: 'Europe/Vienna' },
    });
    const night = Date.parse('2026-11-25T23:30:00Z');
    expect(desktopNoticeFor(firing, quiet, 'granted', night)).toBeNull();
    expect(desktopNoticeFor(firing, quiet, 'granted', noon)).not.toBeNull();
    expect(
      desktopNoticeFor({ ...firing, severity: 'critical' }, quiet, 'granted', night),
    ).not.toBeNull();
    const criticalOnly = { ...desktop, minSeverity: 'critical' as const };
    expect(desktopNoticeFor(firing, criticalOnly, 'granted', noon)).toBeNull();
  });

  it('shows a transition once, and a click focuses the window and opens the alert', () => {
    const { api, shown } = fakeNotificationApi();
    const focus = vi.fn();
    const openAlert = vi.fn();
    const seen = new Set<string>();
    const notice = desktopNoticeFor(firing, desktop, api.permission, noon)!;
    expect(showDesktopNotice(notice, { Notification: api, focus, openAlert }, seen)).toBe(true);
    expect(showDesktopNotice(notice, { Notification: api, focus, openAlert }, seen)).toBe(false);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.options).toMatchObject({ tag: firing.id });
    shown[0]?.instance.onclick?.(new Event('click'));
    expect(focus).toHaveBeenCalledOnce();
    expect(openAlert).toHaveBeenCalledWith(firing.alertId);
    expect(shown[0]?.instance.closed).toBe(true);
  });
});

describe('desktop notifications from the live feed', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    useDesktop.setState({ preferences: null });
  });

  it("loads the user's preferences once allowed, shows an alert, and opens it on click", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(desktop), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const { api, shown } = fakeNotificationApi();
    const stop = startDesktopNotifications(api);
    await vi.waitFor(() => expect(useDesktop.getState().preferences).not.toBeNull());
    expect(fetchMock).toHaveBeenCalledWith(
      expect.stringMatching(/\/api\/v1\/users\/[^/]+\/preferences$/),
      expect.anything(),
    );
    liveAlerts.emit({ ...firing, atMs: Date.now() });
    liveAlerts.emit({ ...firing, atMs: Date.now() }); // the same transition from the bus
    expect(shown).toHaveLength(1);
    shown[0]?.instance.onclick?.(new Event('click'));
    expect(location.hash).toBe(`#/alerts/${encodeURIComponent(firing.alertId ?? '')}`);
    stop();
    liveAlerts.emit({ ...firing, id: 'another/firing' });
    expect(shown).toHaveLength(1);
  });

  it('in the desktop app, sends the notice through the bridge instead, once', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(desktop), { status: 200 }));
    const notify = vi.fn();
    vi.stubGlobal('firnDesktop', { notify, openExternal: vi.fn() });
    const { api, shown } = fakeNotificationApi();
    const stop = startDesktopNotifications(api);
    await vi.waitFor(() => expect(useDesktop.getState().preferences).not.toBeNull());
    liveAlerts.emit({ ...firing, atMs: Date.now() });
    liveAlerts.emit({ ...firing, atMs: Date.now() });
    stop();
    expect(shown).toHaveLength(0);
    expect(notify).toHaveBeenCalledOnce();
    const args: unknown = notify.mock.calls[0]?.[0];
    expect(ipcChannels['firn:notify'].safeParse(args).success).toBe(true);
    expect(args).toMatchObject({ alertId: firing.alertId, title: '[warning] south-foehn: firing' });
  });

  it('asks the server nothing while this desk may not show notifications', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const { api } = fakeNotificationApi();
    const denied = Object.assign(api, { permission: 'denied' as NotificationPermission });
    const stop = startDesktopNotifications(denied);
    liveAlerts.emit(firing);
    expect(fetchMock).not.toHaveBeenCalled();
    stop();
  });
});

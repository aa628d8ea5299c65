import { create } from 'zustand';
import type { NotificationPreferences } from '../../../../core/contracts/preferences';
import { fetchPreferences } from '../../api/controlRoom';
import { liveAlerts } from '../../live/emitter';
import { useUser } from '../../state/user';
import { useSession } from '../session/sessionStore';
import { actingUserName } from '../session/actingUser';
import { desktopBridge } from '../../shell/desktopBridge';
import {
  desktopNoticeFor,
  sendToDesktopApp,
  showDesktopNotice,
  type NotificationApi,
} from './desktopNotifications';
import { useSettings } from './settingsStore';

export interface DesktopState {
  /** 'unsupported' where the Notification API is missing (an old or locked-down browser). */
  permission: NotificationPermission | 'unsupported';
  /** The signed-in user's preferences as last loaded or saved. */
  preferences: NotificationPreferences | null;
  requestPermission(): Promise<void>;
}

function notificationApi(): NotificationApi | undefined {
  return typeof Notification === 'undefined' ? undefined : (Notification as NotificationApi);
}

export const useDesktop = create<DesktopState>()((set) => ({
  permission: notificationApi()?.permission ?? 'unsupported',
  preferences: null,
  async requestPermission() {
    const api = notificationApi();
    if (!api) return;
    set({ permission: await api.requestPermission() });
  },
}));

/**
 * Shows desktop notifications for alert transitions while the app runs, following the
 * user's preferences (reloaded when the user changes or saves them). Returns the stop.
 */
export function startDesktopNotifications(api = notificationApi()): () => void {
  const shown = new Set<string>();
  // Preferences are only needed once this desk may show notifications at all.
  const load = (user: string) => {
    if (api?.permission !== 'granted') return;
    void fetchPreferences(user)
      .then((preferences) => {
        if (actingUserName() === user) useDesktop.setState({ preferences });
      })
      .catch(() => undefined); // no preferences, no notices; Settings shows the error
  };
  let user = actingUserName();
  load(user);
  // The local name changes in Settings; with sessions required, the signed-in user does.
  const follow = () => {
    if (actingUserName() === user) return;
    user = actingUserName();
    load(user);
  };
  const offUser = useUser.subscribe(follow);
  const offSession = useSession.subscribe(follow);
  const offPermission = useDesktop.subscribe(
    (s, before) => s.permission !== before.permission && load(actingUserName()),
  );
  const offSettings = useSettings.subscribe((s, before) => {
    if (s.loaded !== before.loaded && s.loaded) useDesktop.setState({ preferences: s.loaded });
  });
  const offAlerts = liveAlerts.on((message) => {
    if (!api) return;
    const { preferences } = useDesktop.getState();
    const notice = desktopNoticeFor(message, preferences, api.permission, Date.now());
    if (notice === null) return;
    const bridge = desktopBridge();
    if (bridge) {
      sendToDesktopApp(notice, bridge, shown);
      return;
    }
    showDesktopNotice(
      notice,
      {
        Notification: api,
        focus: () => window.focus(),
        openAlert: (id) => (location.hash = `#/alerts/${encodeURIComponent(id)}`),
      },
      shown,
    );
  });
  return () => {
    offUser();
    offSession();
    offPermission();
    offSettings();
    offAlerts();
  };
}

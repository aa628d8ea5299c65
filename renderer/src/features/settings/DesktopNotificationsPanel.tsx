import { useDesktop } from './desktopNotifier';
import type { PrefsForm } from './prefsForm';

const PERMISSION_TEXT: Record<string, string> = {
  granted: '✓ allowed on this desk',
  denied: '✕ blocked: allow notifications for this site in the browser settings',
  default: 'not asked yet',
  unsupported: '✕ this browser cannot show notifications',
};

/** Whether this desk may show system notifications, and the button that asks. */
export function DesktopNotificationsPanel({ form }: { form: PrefsForm }) {
  const permission = useDesktop((s) => s.permission);
  const wanted = form.channels.some((channel) => channel.kind === 'desktop');
  return (
    <fieldset data-testid="desktop-notifications" data-permission={permission}>
      <legend>Desktop notifications</legend>
      <p className="muted">
        {wanted
          ? 'Alerts are shown as system notifications on desks that allow it.'
          : 'Add a “desktop” channel above to be told on this desk.'}
      </p>
      <span data-testid="desktop-permission">{PERMISSION_TEXT[permission]}</span>{' '}
      {permission === 'default' && (
        <button
          type="button"
          className="button"
          onClick={() => void useDesktop.getState().requestPermission()}
          data-testid="desktop-allow"
        >
          Allow desktop notifications
        </button>
      )}
    </fieldset>
  );
}

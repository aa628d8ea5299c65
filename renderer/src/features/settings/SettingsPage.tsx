import { useEffect } from 'react';
import { ErrorNote, Loading } from '../../shell/PageState';
import { ChannelList } from './ChannelList';
import { SchedulesSection } from './SchedulesSection';
import { DesktopNotificationsPanel } from './DesktopNotificationsPanel';
import type { PrefsForm } from './prefsForm';
import { useSettings } from './settingsStore';
import { UserName } from './UserName';
import { useActingUser } from '../session/actingUser';

/** The user the app acts as, that user's notification preferences, and the schedules. */
export function SettingsPage() {
  const user = useActingUser();
  const { status, loadError, form, saving, saveError, savedAt } = useSettings();
  const settings = useSettings.getState();
  useEffect(() => {
    void useSettings.getState().load(user);
  }, [user]);

  return (
    <section className="page" data-testid="settings-page" data-phase={status}>
      <h1 className="page-title">Settings</h1>
      <UserName />
      <h2 className="section-title">Notifications of {user}</h2>
      {status === 'loading' && <Loading what="preferences" testId="prefs-loading" />}
      <ErrorNote
        message={loadError}
        testId="prefs-load-error"
        onRetry={() => void settings.load(user)}
      />
      {form && status === 'ready' && (
        <form
          className="prefs-form"
          data-testid="prefs-form"
          onSubmit={(e) => {
            e.preventDefault();
            void settings.save(user);
          }}
        >
          <ChannelList
            channels={form.channels}
            onChange={(channels) => settings.edit({ channels })}
          />
          <DesktopNotificationsPanel form={form} />
          <label>
            Minimum severity
            <select
              value={form.minSeverity}
              onChange={(e) =>
                settings.edit({ minSeverity: e.target.value as PrefsForm['minSeverity'] })
              }
              data-testid="prefs-min-severity"
            >
              <option value="info">info</option>
              <option value="warning">warning</option>
              <option value="critical">critical</option>
            </select>
          </label>
          <fieldset>
            <legend>Quiet hours (only critical alerts are sent)</legend>
            <label>
              <input
                type="checkbox"
                checked={form.quiet}
                onChange={(e) => settings.edit({ quiet: e.target.checked })}
                data-testid="prefs-quiet"
              />
              Keep quiet hours
            </label>
            {form.quiet && (
              <div className="inline-form">
                <label>
                  From
                  <input
                    type="time"
                    value={form.quietFrom}
                    onChange={(e) => settings.edit({ quietFrom: e.target.value })}
                    data-testid="prefs-quiet-from"
                  />
                </label>
                <label>
                  To
                  <input
                    type="time"
                    value={form.quietTo}
                    onChange={(e) => settings.edit({ quietTo: e.target.value })}
                    data-testid="prefs-quiet-to"
                  />
                </label>
                <label>
                  Time zone
                  <input
                    className="input"
                    value={form.timeZone}
                    onChange={(e) => settings.edit({ timeZone: e.target.value })}
                    data-testid="prefs-time-zone"
                  />
                </label>
              </div>
            )}
          </fieldset>
          <div className="button-row">
            <button
              type="submit"
              className="button button--primary"
              disabled={saving}
              data-testid="prefs-save"
            >
              {saving ? 'Saving…' : 'Save preferences'}
            </button>
            {savedAt !== null && (
              <span className="notice" role="status" data-testid="prefs-saved">
                Saved.
              </span>
            )}
          </div>
          {saveError && (
            <pre className="inline-error" role="alert" data-testid="prefs-save-error">
              {saveError}
            </pre>
          )}
        </form>
      )}
      <SchedulesSection />
    </section>
  );
}

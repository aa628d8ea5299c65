import { useEffect } from 'react';
import { AlertsPage } from './features/alerts/AlertsPage';
import { JobsPage } from './features/jobs/JobsPage';
import { LivePage } from './features/live/LivePage';
import { OperationsPage } from './features/operations/OperationsPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { RulesPage } from './features/rules/RulesPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { StationsPage } from './features/stations/StationsPage';
import { UploadsPage } from './features/uploads/UploadsPage';
import { startLiveService } from './live/liveService';
import { startDesktopNotifications } from './features/settings/desktopNotifier';
import { Header } from './shell/Header';
import { Nav } from './shell/Nav';
import { useHealthPolling } from './shell/useHealthPolling';
import { useCatalog } from './state/catalog';
import { useRoute } from './state/route';

/** The control room shell: header with connection and health, the page navigation and a page. */
export function App() {
  const page = useRoute((s) => s.page);
  useEffect(() => {
    void useCatalog.getState().load();
  }, []);
  useEffect(() => startLiveService(), []);
  useEffect(() => startDesktopNotifications(), []);
  useHealthPolling();

  return (
    <div className="app app--nav">
      <Header />
      <Nav />
      <main className="app-main">
        {page === 'live' && <LivePage />}
        {page === 'stations' && <StationsPage />}
        {page === 'rules' && <RulesPage />}
        {page === 'alerts' && <AlertsPage />}
        {page === 'jobs' && <JobsPage />}
        {page === 'reports' && <ReportsPage />}
        {page === 'operations' && <OperationsPage />}
        {page === 'uploads' && <UploadsPage />}
        {page === 'settings' && <SettingsPage />}
      </main>
    </div>
  );
}

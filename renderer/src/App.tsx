import { useEffect } from 'react';
import { LivePage } from './features/live/LivePage';
import { startLiveService } from './live/liveService';
import { Header } from './shell/Header';
import { useHealthPolling } from './shell/useHealthPolling';
import { useCatalog } from './state/catalog';

/** The control room shell: header with connection and health, and the Live page. */
export function App() {
  useEffect(() => {
    void useCatalog.getState().load();
  }, []);
  useEffect(() => startLiveService(), []);
  useHealthPolling();

  return (
    <div className="app">
      <Header />
      <main className="app-main">
        <LivePage />
      </main>
    </div>
  );
}

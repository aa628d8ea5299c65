// Must stay the first import: configures zod and the theme before anything else runs.
import './bootstrap';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SessionGate } from './features/session/SessionGate';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/live.css';
import './styles/chart.css';
import './styles/readouts.css';
import './styles/outbox.css';
import './styles/pages.css';
import './styles/pages-content.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
// StrictMode mounts effects twice in development: the live socket, the health poll and the
// chart controller all clean up after themselves, and this keeps proving it.
createRoot(container).render(
  <StrictMode>
    <SessionGate>
      <App />
    </SessionGate>
  </StrictMode>,
);

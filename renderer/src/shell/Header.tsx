import { SessionBadge } from '../features/session/SessionBadge';
import { HealthPanel } from './HealthPanel';
import { LiveStatus } from './LiveStatus';
import { ThemeToggle } from './ThemeToggle';

/**
 * Product and what an operator checks first: is data flowing, is the station healthy. The
 * page links are the Nav's alone (a second Live link here was a leftover of the one-page app).
 */
export function Header() {
  return (
    <header className="app-header" data-testid="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ▲
        </span>
        <span className="brand-name">Firn</span>
        <span className="brand-sub">control room</span>
      </div>
      <div className="header-status">
        <LiveStatus />
        <span className="header-divider" aria-hidden="true" />
        <HealthPanel />
        <ThemeToggle />
        <SessionBadge />
      </div>
    </header>
  );
}

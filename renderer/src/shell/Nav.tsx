import { useEffect } from 'react';
import { hashOf, PAGE_LABELS, PAGES, shortcutOf, shortcutStep, useRoute } from '../state/route';

/** Keys typed into a field are text, never shortcuts. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** Follows the address bar and the `g l`, `g r`, `g a`, `g j`, `g e`, `g o`, `g s` shortcuts. */
function useRouting(): void {
  useEffect(() => {
    const onHash = () => useRoute.getState().sync(location.hash);
    let state: { gAt: number | null } = { gAt: null };
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      const step = shortcutStep(state, event.key, Date.now());
      state = { gAt: step.gAt };
      if (step.page !== null) useRoute.getState().navigate(step.page);
    };
    onHash();
    window.addEventListener('hashchange', onHash);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}

/** The page navigation: hash links, so the browser's back button and bookmarks work. */
export function Nav() {
  useRouting();
  const page = useRoute((s) => s.page);
  return (
    <nav className="page-nav" aria-label="Pages" data-testid="page-nav">
      {PAGES.map((name) => (
        <a
          key={name}
          className="page-nav-link"
          href={hashOf(name)}
          aria-current={name === page ? 'page' : undefined}
          data-testid={`nav-link-${name}`}
          title={`${PAGE_LABELS[name]} (g ${shortcutOf(name)})`}
        >
          {PAGE_LABELS[name]}
        </a>
      ))}
      <span className="page-nav-hint" aria-hidden="true">
        g + l t r a j e o u s
      </span>
    </nav>
  );
}

import { useEffect, useState } from 'react';
import { useCatalog } from './state/catalog';
import { resolvedScheme, useUi } from './state/ui';

/**
 * The current time, refreshed every `intervalMs` (or frozen when null). For "3 min ago"
 * labels and countdowns: a slow, deliberate re-render, never one per sample.
 */
export function useNow(intervalMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === null) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The clock to date catalog values by ("3 s ago"): ticking every `intervalMs`, and never
 * older than the catalog's last refresh. The tick alone lags values that arrived since,
 * and a fresh sample would read "in the future".
 */
export function useCatalogNow(intervalMs: number): number {
  const refreshedAt = useCatalog((s) => s.refreshedAt);
  return Math.max(useNow(intervalMs), refreshedAt);
}

/** 'dark' or 'light' as in effect now, following the OS when the choice is 'system'. */
export function useResolvedScheme(): 'dark' | 'light' {
  const theme = useUi((s) => s.theme);
  const [systemTick, setSystemTick] = useState(0);
  useEffect(() => {
    if (theme !== 'system' || typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: light)');
    const onChange = () => setSystemTick((n) => n + 1);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [theme]);
  void systemTick;
  return resolvedScheme(theme);
}

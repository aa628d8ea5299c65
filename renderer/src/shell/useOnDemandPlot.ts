import { useEffect, useRef, useState, type DependencyList } from 'react';
import type { PlotlyStatic } from 'plotly.js-basic-dist-min';
import { errorMessage } from '../api/client';

/**
 * A plotly figure drawn on demand: plotly's bundle (over a megabyte) loads with the first
 * figure, `draw` runs again whenever `deps` change (the data, the theme), a draw that an
 * unmount or a newer draw overtook is not reported, and the plot is purged on unmount.
 * `drawn` is what `draw` returned (counts the page shows to tests), `error` why it failed.
 */
export function useOnDemandPlot<Drawn>(
  draw: (plotly: PlotlyStatic, host: HTMLDivElement) => Promise<Drawn>,
  what: string,
  deps: DependencyList,
) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    const host = hostRef.current;
    import('plotly.js-basic-dist-min')
      .then(async ({ default: Plotly }) => {
        if (cancelled || !host) return;
        const result = await draw(Plotly, host);
        if (!cancelled) setDrawn(result);
      })
      .catch((cause: unknown) => {
        if (!cancelled) setError(`the ${what} could not be drawn: ${errorMessage(cause)}`);
      });
    return () => {
      cancelled = true;
    };
    // The caller's deps say when to draw again (`draw` is a new closure every render);
    // `what` names the figure and never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => {
    const host = hostRef.current;
    return () => {
      if (host) void import('plotly.js-basic-dist-min').then(({ default: P }) => P.purge(host));
    };
  }, []);

  return { hostRef, drawn, error };
}

import type { ChartColors } from './chartFigure';

const SERIES_COUNT = 8;

/**
 * Reads the plot colors from the CSS variables of the current theme, so the chart is
 * styled in the same place as the rest of the page (theme.css).
 */
export function readChartColors(root: Element = document.documentElement): ChartColors {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const series: string[] = [];
  for (let i = 1; i <= SERIES_COUNT; i += 1) series.push(read(`--series-${i}`, '#4fb3d9'));
  return {
    background: read('--panel', '#111820'),
    text: read('--text', '#d7e0ea'),
    muted: read('--text-muted', '#8796a8'),
    grid: read('--plot-grid', '#1f2a36'),
    axis: read('--border-strong', '#33414f'),
    series,
    font: read('--font-ui', 'system-ui, sans-serif'),
  };
}

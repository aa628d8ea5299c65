import type { DatastreamSummary } from '../../../core/contracts/http';
import type { ChartColors } from '../features/live/chartFigure';
import type { LoadedSeries } from '../features/live/historyLoader';

/** Shared data for chart tests: one 10-minute datastream whose archive ends in 2019. */
export const MIN = 60_000;
export const NOW = Date.parse('2026-11-25T12:00:00Z');
export const ARCHIVE_END = Date.parse('2019-06-30T23:50:00Z');

export const airTemperature: DatastreamSummary = {
  key: 'sattelberg.aws.air_temperature',
  station: 'sattelberg',
  instrument: 'aws',
  variable: 'air_temperature',
  unit: 'degC',
  cadenceSeconds: 600,
  description: null,
  lastTime: new Date(ARCHIVE_END).toISOString(),
  lastValue: 3,
  count: 2,
};

export const testColors: ChartColors = {
  background: '#000',
  text: '#fff',
  muted: '#888',
  grid: '#111',
  axis: '#222',
  series: ['#f00'],
  font: 'x',
};

/** The last two archived samples, as the history loader returns them. */
export const archiveHistory = (): Omit<LoadedSeries, 'key'> => ({
  x: [ARCHIVE_END - 10 * MIN, ARCHIVE_END],
  y: [2, 3],
  count: 2,
  lastT: ARCHIVE_END,
  gapMs: 25 * MIN,
  error: null,
});

// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backtestRule } from '../../api/controlRoom';
import { fetchSeries } from '../../api/endpoints';
import { fakePlotly } from '../../testing/fakePlotly';
import { BacktestPanel } from './BacktestPanel';
import { useBacktest } from './backtestStore';
import { useRules } from './rulesStore';

const plotly = vi.hoisted(() => ({ current: null as ReturnType<typeof fakePlotly> | null }));
vi.mock('plotly.js-basic-dist-min', () => ({
  default: new Proxy({}, { get: (_, name) => Reflect.get(plotly.current ?? {}, name) }),
}));
vi.mock('../../api/controlRoom', () => ({ backtestRule: vi.fn() }));
vi.mock('../../api/endpoints', () => ({ fetchSeries: vi.fn() }));

const KEY = 'sattelberg.aws.air_temperature';
const RULE = {
  id: 'hot',
  name: 'Hot',
  scope: { t: KEY },
  condition: { kind: 'threshold', of: 't', compare: { op: 'above', value: 25 } },
};
const START = Date.UTC(2017, 6, 1, 12);
const MIN10 = 600_000;

describe('the backtest drawn over the history', () => {
  beforeEach(() => {
    plotly.current = fakePlotly();
    useBacktest.getState().reset();
    useBacktest.getState().setRange({ from: '2017-07-01', to: '2017-07-01' });
    useRules.setState({ text: JSON.stringify(RULE) });
    vi.mocked(backtestRule).mockResolvedValue({
      alerts: [
        {
          id: 'a1',
          severity: 'critical',
          startMs: START + 2 * MIN10,
          resolvedMs: START + 4 * MIN10,
        },
        { id: 'a2', severity: 'critical', startMs: START + 7 * MIN10, resolvedMs: null },
      ],
      jobs: [],
      events: 4,
      observations: 10,
      elapsedMs: 3,
    });
    vi.mocked(fetchSeries).mockResolvedValue({
      datastream: KEY,
      unit: 'degC',
      cadenceSeconds: 600,
      from: null,
      to: null,
      count: 10,
      decimated: false,
      t: Array.from({ length: 10 }, (_, i) => START + i * MIN10),
      v: [20, 22, 26, 27, 24, 21, 20, 26.5, 28, 23],
    });
  });
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  it("draws the inputs' history over the range with the alerts on the same time axis", async () => {
    render(<BacktestPanel />);
    screen.getByTestId('backtest-run').click();
    const plot = await screen.findByTestId('backtest-plot');
    await waitFor(() => expect(plot.dataset.phase).toBe('ready'));

    // The history of the rule's input, over exactly the backtest's range (its whole last day).
    const dayStart = Date.UTC(2017, 6, 1);
    expect(fetchSeries).toHaveBeenCalledWith(
      expect.objectContaining({ key: KEY, from: dayStart, to: dayStart + 86_400_000 }),
    );
    expect(plot.dataset.inputs).toBe('1');
    expect(plot.dataset.alerts).toBe('2');
    const graph = plotly.current!.div();
    const [line, alerts] = graph.data;
    expect(line?.uid).toBe(KEY);
    expect(line?.y).toEqual([20, 22, 26, 27, 24, 21, 20, 26.5, 28, 23]);
    expect(alerts?.name).toBe('critical alerts (2)');
    expect(alerts?.x).toEqual([
      START + 2 * MIN10,
      START + 4 * MIN10,
      null,
      START + 7 * MIN10,
      dayStart + 86_400_000,
      null,
    ]);
    expect(graph.layout.shapes).toHaveLength(2);
    expect(screen.getAllByTestId('backtest-window')).toHaveLength(2);
  });

  it('still draws the alerts when an input has no history, and says why', async () => {
    vi.mocked(fetchSeries).mockRejectedValue(
      new Error('no datastream sattelberg.aws.air_temperature'),
    );
    render(<BacktestPanel />);
    screen.getByTestId('backtest-run').click();
    const plot = await screen.findByTestId('backtest-plot');
    await waitFor(() => expect(plot.dataset.phase).toBe('ready'));
    expect(plot.dataset.alerts).toBe('2');
    expect(screen.getByTestId('backtest-input-error').textContent).toContain('no datastream');
  });
});

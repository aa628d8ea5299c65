import { create } from 'zustand';
import { errorMessage } from '../../api/client';
import { backtestRule } from '../../api/controlRoom';
import { inputsOf, loadInputHistory, type InputHistory } from './backtestHistory';
import { parseDocument } from './ruleDraft';

/** One alert window of a backtest, read from the engine's alert records. */
export interface AlertWindow {
  id: string;
  severity: string;
  startMs: number;
  firingMs: number | null;
  resolvedMs: number | null;
}

export function windowsOf(alerts: readonly Record<string, unknown>[]): AlertWindow[] {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return alerts
    .map((a) => ({
      id: String(a.id ?? ''),
      severity: String(a.severity ?? ''),
      startMs: num(a.startMs) ?? 0,
      firingMs: num(a.firingMs),
      resolvedMs: num(a.resolvedMs),
    }))
    .sort((a, b) => a.startMs - b.startMs);
}

/** `2017-01-01` (a date input's value) → ISO; `to` covers its whole day. */
export function rangeIso(from: string, to: string): { from: string; to: string } {
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { from: `${from}T00:00:00Z`, to: end.toISOString() };
}

export interface BacktestState {
  from: string;
  to: string;
  status: 'idle' | 'running' | 'done' | 'error';
  error: string | null;
  windows: AlertWindow[];
  observations: number;
  /** The range of the last run (epoch ms) and its inputs' history, drawn under the alerts. */
  ranRange: { from: number; to: number } | null;
  history: InputHistory[];
  setRange(range: { from?: string; to?: string }): void;
  run(text: string): Promise<void>;
  reset(): void;
}

// The demo data is of 2017.
export const useBacktest = create<BacktestState>()((set, get) => ({
  from: '2017-01-01',
  to: '2017-12-31',
  status: 'idle',
  error: null,
  windows: [],
  observations: 0,
  ranRange: null,
  history: [],
  setRange: (range) => set(range),
  reset: () =>
    set({ status: 'idle', error: null, windows: [], observations: 0, ranRange: null, history: [] }),
  async run(text) {
    const parsed = parseDocument(text);
    if (!parsed.ok) return set({ status: 'error', error: parsed.error });
    set({ status: 'running', error: null });
    try {
      const { from, to } = rangeIso(get().from, get().to);
      const ranRange = { from: Date.parse(from), to: Date.parse(to) };
      // The inputs' history over the same range, fetched alongside: the alerts are drawn on it.
      const [result, history] = await Promise.all([
        backtestRule(parsed.document, from, to),
        loadInputHistory(inputsOf(parsed.document), ranRange.from, ranRange.to),
      ]);
      set({
        status: 'done',
        windows: windowsOf(result.alerts),
        observations: result.observations,
        ranRange,
        history,
      });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));

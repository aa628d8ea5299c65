import { vi } from 'vitest';

type Datum = number | string | null;
interface FakeTrace {
  x: Datum[];
  y: Datum[];
  [key: string]: unknown;
}
interface FakeDiv extends HTMLElement {
  data: FakeTrace[];
  layout: Record<string, unknown>;
  on(event: string, handler: (update: Record<string, unknown>) => void): void;
}

/**
 * A stand-in for plotly in jsdom (which lacks the SVG layout plotly needs): keeps `data`
 * on the div like plotly does and lets tests fire plotly_relayout as the user would.
 */
export function fakePlotly() {
  let graph: FakeDiv | null = null;
  const handlers: ((update: Record<string, unknown>) => void)[] = [];
  const emit = (update: Record<string, unknown>) => handlers.forEach((h) => h(update));
  return {
    div: (): FakeDiv => {
      if (!graph) throw new Error('nothing plotted yet');
      return graph;
    },
    emit,
    react: vi.fn(async (div: HTMLElement, data: FakeTrace[], layout: Record<string, unknown>) => {
      graph = Object.assign(div, {
        data,
        layout,
        on: (_: string, h: (u: Record<string, unknown>) => void) => handlers.push(h),
      });
      return graph;
    }),
    extendTraces: vi.fn(
      async (
        div: HTMLElement,
        update: { x: Datum[][]; y: Datum[][] },
        indices: number[],
        _max?: number,
      ) => {
        const data = (div as FakeDiv).data;
        indices.forEach((traceIndex, j) => {
          data[traceIndex]?.x.push(...(update.x[j] ?? []));
          data[traceIndex]?.y.push(...(update.y[j] ?? []));
        });
        return div;
      },
    ),
    // plotly emits plotly_relayout for programmatic relayouts too; the controller must ignore those.
    relayout: vi.fn(async (div: HTMLElement, update: Record<string, unknown>) => {
      emit(update);
      return div;
    }),
    purge: vi.fn(),
    Plots: { resize: vi.fn(async () => undefined) },
  };
}

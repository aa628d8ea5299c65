// plotly.js-basic-dist-min ships no types and @types/plotly.js is not installed: this
// declares only the part of the API the renderer uses, loosely typed where plotly is.
declare module 'plotly.js-basic-dist-min' {
  export type Datum = number | string | null;

  export interface PlotTrace {
    type: 'scatter';
    mode?: 'lines' | 'markers' | 'lines+markers';
    name?: string;
    x: Datum[];
    y: Datum[];
    xaxis?: string;
    yaxis?: string;
    connectgaps?: boolean;
    line?: { color?: string; width?: number; shape?: 'linear' | 'hv' };
    marker?: { color?: string; size?: number };
    hovertemplate?: string;
    uid?: string;
    meta?: unknown;
  }

  export type PlotLayout = Record<string, unknown>;
  export type PlotConfig = Record<string, unknown>;

  /** The graph div after plotting: plotly attaches its state to the element. */
  export interface PlotlyHTMLElement extends HTMLDivElement {
    data: PlotTrace[];
    layout: PlotLayout;
    on(event: 'plotly_relayout', handler: (update: Record<string, unknown>) => void): void;
    on(event: string, handler: (payload: unknown) => void): void;
    removeAllListeners(event: string): void;
  }

  export interface PlotlyStatic {
    react(
      div: HTMLElement,
      data: PlotTrace[],
      layout?: PlotLayout,
      config?: PlotConfig,
    ): Promise<PlotlyHTMLElement>;
    extendTraces(
      div: HTMLElement,
      update: { x: Datum[][]; y: Datum[][] },
      indices: number[],
      maxPoints?: number | number[],
    ): Promise<PlotlyHTMLElement>;
    relayout(div: HTMLElement, update: PlotLayout): Promise<PlotlyHTMLElement>;
    purge(div: HTMLElement): void;
    Plots: { resize(div: HTMLElement): Promise<void> };
  }

  const Plotly: PlotlyStatic;
  export default Plotly;
}

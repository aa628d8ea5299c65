import type { SimulationResult } from '../../../../core/contracts/simulation-result';
import type { ChartColors } from '../live/chartFigure';
import { decadeTicks, plotlyColorscale, type LogRange } from './footprintScale';

// Pieces of the footprint map (footprintFigure.ts): the grid's extent, distance rings,
// paths joined into one trace, and the colour bar, all in km on the station's plane.

/** A scatter trace with the marker options the basic bundle supports (colour bar, symbols). */
export type FootprintTrace = Record<string, unknown> & { type: 'scatter'; name: string };

/** The grid's corners in km on the local plane. */
export function gridExtentKm(grid: SimulationResult['grid']) {
  const west = grid.xMinM / 1000;
  const south = grid.yMinM / 1000;
  return {
    west,
    south,
    east: west + (grid.nx * grid.cellSizeM) / 1000,
    north: south + (grid.ny * grid.cellSizeM) / 1000,
  };
}

const RING_STEPS_KM = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];

/** Up to three round distances that fit in the grid, the largest at its edge or inside. */
export function ringRadiiKm(halfWidthKm: number): number[] {
  return RING_STEPS_KM.filter((r) => r <= halfWidthKm).slice(-3);
}

/** Columns in metres → km, with a null between paths so one trace draws them all apart. */
export function joinPathsKm(paths: readonly { x: (number | null)[]; y: (number | null)[] }[]) {
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  let drawn = 0;
  for (const path of paths) {
    const points = path.x.flatMap((px, k) => {
      const py = path.y[k];
      return px === null || py === null || py === undefined ? [] : [[px / 1000, py / 1000]];
    });
    if (points.length === 0) continue;
    drawn += 1;
    if (x.length > 0) {
      x.push(null);
      y.push(null);
    }
    for (const [px, py] of points) {
      x.push(px ?? null);
      y.push(py ?? null);
    }
  }
  return { x, y, drawn };
}

export function circleKm(radius: number, steps = 72): { x: number[]; y: number[] } {
  const angles = Array.from({ length: steps + 1 }, (_, k) => (2 * Math.PI * k) / steps);
  return { x: angles.map((a) => radius * Math.sin(a)), y: angles.map((a) => radius * Math.cos(a)) };
}

/**
 * The image has no colour bar of its own: an invisible trace at the station carries one,
 * on the image's scale (log10 τ), with ticks labelled in seconds.
 */
export function colourBarTrace(range: LogRange, colors: ChartColors): FootprintTrace {
  const ticks = decadeTicks(range);
  return {
    type: 'scatter',
    name: 'Residence time',
    mode: 'markers',
    x: [0, 0],
    y: [0, 0],
    hoverinfo: 'skip',
    showlegend: false,
    marker: {
      size: 0.1,
      opacity: 0,
      color: [range.min, range.max],
      cmin: range.min,
      cmax: range.max,
      colorscale: plotlyColorscale(),
      showscale: true,
      colorbar: {
        title: { text: 'residence time τ (s, log scale)', side: 'right' },
        tickvals: ticks.values,
        ticktext: ticks.labels,
        tickfont: { color: colors.muted },
        outlinecolor: colors.axis,
        thickness: 14,
      },
    },
  };
}

/** Compass letters at the plot's edges (north up) and each ring's distance on its top. */
export function mapAnnotations(radii: readonly number[], colors: ChartColors) {
  const compass = (text: string, x: number, y: number, xanchor: string, yanchor: string) => ({
    text,
    x,
    y,
    xref: 'paper',
    yref: 'paper',
    xanchor,
    yanchor,
    showarrow: false,
    font: { color: colors.muted, size: 13 },
  });
  return [
    compass('N ↑', 0.5, 0.99, 'center', 'top'),
    compass('S', 0.5, 0.01, 'center', 'bottom'),
    compass('E', 0.99, 0.5, 'right', 'middle'),
    compass('W', 0.01, 0.5, 'left', 'middle'),
    // Ring labels to the north-east, clear of the compass letters on the axes.
    ...radii.map((r) => ({
      text: `${r} km`,
      x: r * Math.SQRT1_2,
      y: r * Math.SQRT1_2,
      xref: 'x',
      yref: 'y',
      xanchor: 'left',
      yanchor: 'bottom',
      showarrow: false,
      font: { color: colors.muted, size: 10 },
    })),
  ];
}

import { describe, expect, it } from 'vitest';
import { simulationResultSchema } from '../../../../core/contracts/simulation-result';
import type { ChartColors } from '../live/chartFigure';
import { buildFootprintFigure } from './footprintFigure';
import { focusExtentKm } from './footprintFocus';
import { gridExtentKm, joinPathsKm, ringRadiiKm } from './footprintParts';

const colors: ChartColors = {
  background: '#000',
  text: '#fff',
  muted: '#888',
  grid: '#222',
  axis: '#444',
  series: ['#56b4e9', '#e69f00'],
  font: 'sans-serif',
};

/** A 4 × 2 grid of 50 km cells: 200 km east–west, 100 km south–north, station in the middle. */
const result = simulationResultSchema.parse({
  grid: {
    nx: 4,
    ny: 2,
    cellSizeM: 50_000,
    xMinM: -100_000,
    yMinM: -50_000,
    groundLayerHeightM: 100,
  },
  residenceSeconds: [0, 10, null, 1000, 0, 0, 5, 0],
  paths: {
    timesMs: [7_200_000, 0],
    centroid: { x: [-10_000, -40_000], y: [20_000, null] },
    trajectories: [
      { x: [-5_000, -60_000], y: [1_000, 2_000] },
      { x: [null, null], y: [null, null] },
      { x: [3_000, null], y: [4_000, null] },
    ],
  },
  summary: {},
});

describe('the footprint figure', () => {
  const figure = buildFootprintFigure(result, colors, 'data:image/png;base64,xx');
  const trace = (name: RegExp) => figure.traces.find((t) => name.test(t.name));

  it('puts the grid image on km axes east and north of the station, equal aspect', () => {
    expect(gridExtentKm(result.grid)).toEqual({ west: -100, south: -50, east: 100, north: 50 });
    const layout = figure.layout as Record<string, Record<string, unknown>>;
    // Opens on what is drawn (the 1000 s cell's centre is 75 km east), within the grid.
    expect(layout.xaxis?.range).toEqual([-100, 100]);
    expect(layout.yaxis).toMatchObject({ range: [-50, 50], scaleanchor: 'x', scaleratio: 1 });
    expect(figure.layout.images).toEqual([
      expect.objectContaining({ x: -100, y: 50, sizex: 200, sizey: 100, xref: 'x', yref: 'y' }),
    ]);
  });

  it('counts only cells with residence time; zero and missing cells are not drawn', () => {
    expect(figure.counts.cells).toBe(3);
    const bar = trace(/Residence time/)?.marker as Record<string, unknown>;
    // log10 of 1000 s at the top, 5 s at the bottom (within four decades).
    expect(bar.cmax).toBeCloseTo(3);
    expect(bar.cmin).toBeCloseTo(Math.log10(5));
    expect((bar.colorbar as { ticktext: string[] }).ticktext).toEqual(['10 s', '100 s', '1000 s']);
  });

  it('draws sampled paths in km as one trace, apart, skipping particles never seen', () => {
    expect(figure.counts.trajectories).toBe(2);
    const paths = trace(/Particle paths/);
    expect(paths?.x).toEqual([-5, -60, null, 3]);
    expect(paths?.y).toEqual([1, 2, null, 4]);
    expect(paths?.name).toBe('Particle paths (2 sampled)');
    expect(trace(/Centroid/)?.x).toEqual([-10]);
    expect(trace(/Station/)).toMatchObject({ x: [0], y: [0] });
  });

  it('has no colour bar and no image when no cell has residence time', () => {
    const empty = simulationResultSchema.parse({ ...result, residenceSeconds: Array(8).fill(0) });
    const bare = buildFootprintFigure(empty, colors, null);
    expect(bare.counts.cells).toBe(0);
    expect(bare.traces.some((t) => t.name === 'Residence time')).toBe(false);
    expect(bare.layout.images).toEqual([]);
  });

  it('opens on the footprint, square around the station, not on the whole grid', () => {
    const big = simulationResultSchema.parse({
      ...result,
      grid: { ...result.grid, nx: 400, ny: 400, cellSizeM: 1000, xMinM: -200_000, yMinM: -200_000 },
      residenceSeconds: Array.from({ length: 400 * 400 }, (_, k) =>
        k === 200 * 400 + 230 ? 9 : 0,
      ),
      paths: { timesMs: [], centroid: { x: [], y: [] }, trajectories: [] },
    });
    // The one cell's centre is 30.5 km east: 1.1 × 30.5 + 1 km of margin on every side.
    const focus = focusExtentKm(big);
    for (const side of [focus.east, focus.north]) expect(side).toBeCloseTo(34.55);
    for (const side of [focus.west, focus.south]) expect(side).toBeCloseTo(-34.55);
    const calm = simulationResultSchema.parse({
      ...big,
      residenceSeconds: Array(400 * 400).fill(0),
    });
    expect(focusExtentKm(calm).east).toBeCloseTo(23);
  });

  it('rings at round distances within the grid, paths split at gaps', () => {
    expect(ringRadiiKm(200)).toEqual([50, 100, 200]);
    expect(ringRadiiKm(3)).toEqual([1, 2]);
    expect(joinPathsKm([{ x: [1000, null, 3000], y: [0, 0, 0] }]).x).toEqual([1, 3]);
  });
});

import type { SimulationResult } from '../../../../core/contracts/simulation-result';
import { formatUtc } from '../../format';
import type { ChartColors } from '../live/chartFigure';
import {
  circleKm,
  colourBarTrace,
  gridExtentKm,
  joinPathsKm,
  mapAnnotations,
  ringRadiiKm,
  type FootprintTrace,
} from './footprintParts';
import { focusExtentKm } from './footprintFocus';
import { logRange, logResidence } from './footprintScale';

// The footprint map as plotly data: the residence-time image (drawn by footprintImage.ts)
// under the trajectories, the centroid path, the station and distance rings, in km east
// and north of the station with equal aspect. No map tiles: it must work offline on a hut.

export interface FootprintFigure {
  traces: FootprintTrace[];
  layout: Record<string, unknown>;
  /** Cells with residence time (drawn), and sampled paths with at least one point. */
  counts: { cells: number; trajectories: number; traces: number };
}

export function buildFootprintFigure(
  result: SimulationResult,
  colors: ChartColors,
  imageSource: string | null,
): FootprintFigure {
  const extent = gridExtentKm(result.grid);
  const view = focusExtentKm(result);
  const range = logRange(result.residenceSeconds);
  const cells = result.residenceSeconds.filter((v) => logResidence(v) !== null).length;
  const radii = ringRadiiKm(Math.min(view.east - view.west, view.north - view.south) / 2);
  const rings = joinPathsKm(radii.map((r) => circleKm(r * 1000)).map(({ x, y }) => ({ x, y })));
  const trajectories = joinPathsKm(result.paths.trajectories);
  const centroid = joinPathsKm([result.paths.centroid]);
  const centroidTimes = result.paths.timesMs.filter(
    (_, k) => result.paths.centroid.x[k] !== null && result.paths.centroid.y[k] !== null,
  );
  const accent = colors.series[1] ?? colors.text;
  const traces: FootprintTrace[] = [
    {
      type: 'scatter',
      name: 'Distance rings',
      mode: 'lines',
      x: rings.x,
      y: rings.y,
      line: { color: colors.axis, width: 1, dash: 'dot' },
      hoverinfo: 'skip',
      showlegend: false,
    },
    {
      type: 'scatter',
      name: `Particle paths (${trajectories.drawn} sampled)`,
      mode: 'lines',
      x: trajectories.x,
      y: trajectories.y,
      connectgaps: false,
      opacity: 0.55,
      line: { color: colors.series[0] ?? colors.text, width: 1 },
      hoverinfo: 'skip',
    },
    {
      type: 'scatter',
      name: 'Centroid path',
      mode: 'lines+markers',
      x: centroid.x,
      y: centroid.y,
      text: centroidTimes.map((t) => formatUtc(t)),
      line: { color: accent, width: 2.5 },
      marker: { color: accent, size: 7, symbol: 'diamond' },
      hovertemplate: '%{x:.0f} km E, %{y:.0f} km N<extra>%{text}</extra>',
    },
    {
      type: 'scatter',
      name: 'Station',
      mode: 'markers',
      x: [0],
      y: [0],
      marker: { color: colors.text, size: 13, symbol: 'triangle-up', line: { width: 1 } },
      hovertemplate: 'station<extra></extra>',
    },
  ];
  if (range) traces.unshift(colourBarTrace(range, colors));
  const axis = {
    gridcolor: colors.grid,
    linecolor: colors.axis,
    tickcolor: colors.axis,
    tickfont: { color: colors.muted },
    zeroline: false,
    showline: true,
    constrain: 'domain',
  };
  const layout: Record<string, unknown> = {
    paper_bgcolor: colors.background,
    plot_bgcolor: colors.background,
    font: { family: colors.font, color: colors.text, size: 11 },
    margin: { l: 56, r: 16, t: 40, b: 44 },
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', bgcolor: 'rgba(0,0,0,0)' },
    hoverlabel: { bgcolor: colors.background, bordercolor: colors.axis },
    xaxis: {
      ...axis,
      title: { text: 'km east of the station' },
      range: [view.west, view.east],
    },
    // Equal aspect: a km north is as long on screen as a km east.
    yaxis: {
      ...axis,
      title: { text: 'km north of the station' },
      range: [view.south, view.north],
      scaleanchor: 'x',
      scaleratio: 1,
    },
    images: imageSource
      ? [
          {
            source: imageSource,
            xref: 'x',
            yref: 'y',
            x: extent.west,
            y: extent.north,
            sizex: extent.east - extent.west,
            sizey: extent.north - extent.south,
            xanchor: 'left',
            yanchor: 'top',
            sizing: 'stretch',
            layer: 'below',
          },
        ]
      : [],
    annotations: mapAnnotations(radii, colors),
  };
  return {
    traces,
    layout,
    counts: { cells, trajectories: trajectories.drawn, traces: traces.length },
  };
}

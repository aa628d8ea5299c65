import type { SimulationResult } from '../../../../core/contracts/simulation-result';
import { gridExtentKm } from './footprintParts';

export interface ExtentKm {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** Nothing smaller than this around the station: a map needs some context to be read. */
const MIN_HALF_KM = 20;

/**
 * The square the map opens on: the station and everything drawn (cells with residence
 * time, paths), a tenth wider on each side, within the grid. The default grid is 400 km
 * across while a calm day's footprint covers a few tens: showing all of it would make the
 * footprint a dot. (Zooming out to the whole grid stays one double-click away.)
 */
export function focusExtentKm(result: SimulationResult): ExtentKm {
  const grid = gridExtentKm(result.grid);
  const cellKm = result.grid.cellSizeM / 1000;
  let half = MIN_HALF_KM;
  const include = (xKm: number, yKm: number) => {
    half = Math.max(half, Math.abs(xKm), Math.abs(yKm));
  };
  result.residenceSeconds.forEach((value, index) => {
    if (value === null || !(value > 0)) return;
    const i = index % result.grid.nx;
    const j = Math.floor(index / result.grid.nx);
    include(grid.west + (i + 0.5) * cellKm, grid.south + (j + 0.5) * cellKm);
  });
  for (const path of [...result.paths.trajectories, result.paths.centroid]) {
    path.x.forEach((x, k) => {
      const y = path.y[k];
      if (x !== null && y !== null && y !== undefined) include(x / 1000, y / 1000);
    });
  }
  half = half * 1.1 + cellKm;
  return {
    west: Math.max(grid.west, -half),
    east: Math.min(grid.east, half),
    south: Math.max(grid.south, -half),
    north: Math.min(grid.north, half),
  };
}

/**
 * The output grid: square cells on the local plane (local-plane.ts), centred on the station,
 * counting time spent by particles in the ground layer 0 … `groundLayerHeightM`.
 *
 * What a cell holds is the residence time τ (Seibert & Frank 2004, "Source–receptor matrix
 * calculation with a Lagrangian particle dispersion model in backward mode", ACP 4): the
 * time particles spent in the cell's ground-layer box, summed over particles and divided
 * by the number of particles released, in seconds. It is FLEXPART's backward output
 * normalised per unit released (Stohl et al. 2005), so it does not depend on the
 * particle count; two readings follow from it:
 * - backward: the emission sensitivity τ / h, in s/m: times a surface flux (kg m⁻² s⁻¹) in
 *   that cell it gives that cell's contribution to the concentration (kg m⁻³) the station
 *   saw, averaged over the release window (sum over cells for the whole footprint);
 * - forward: the mean concentration in the cell's box, M · τ / (A · h · T) for a released
 *   mass M and an averaging time T.
 */
export interface FootprintGrid {
  /** Cells west → east (i) and south → north (j); cell (i, j) is at index j · nx + i. */
  nx: number;
  ny: number;
  cellSizeM: number;
  /** Local coordinates of the south-west corner: −(nx · cellSizeM) / 2 and likewise. */
  xMinM: number;
  yMinM: number;
  groundLayerHeightM: number;
}

export function footprintGrid(spec: {
  extentKm: number;
  resolutionKm: number;
  groundLayerHeightM: number;
}): FootprintGrid {
  const cells = Math.max(1, Math.round(spec.extentKm / spec.resolutionKm));
  const cellSizeM = spec.resolutionKm * 1000;
  return {
    nx: cells,
    ny: cells,
    cellSizeM,
    xMinM: (-cells * cellSizeM) / 2,
    yMinM: (-cells * cellSizeM) / 2,
    groundLayerHeightM: spec.groundLayerHeightM,
  };
}

/** Local coordinates (m) of the centre of cell (i, j). */
export function cellCentre(grid: FootprintGrid, i: number, j: number): { x: number; y: number } {
  return { x: grid.xMinM + (i + 0.5) * grid.cellSizeM, y: grid.yMinM + (j + 0.5) * grid.cellSizeM };
}

/** Index of the cell holding (x, y), or −1 outside the grid. */
export function cellIndexOf(grid: FootprintGrid, x: number, y: number): number {
  const i = Math.floor((x - grid.xMinM) / grid.cellSizeM);
  const j = Math.floor((y - grid.yMinM) / grid.cellSizeM);
  if (i < 0 || j < 0 || i >= grid.nx || j >= grid.ny) return -1;
  return j * grid.nx + i;
}

/** Backward: emission sensitivity τ / h per cell, s/m (see above). */
export function emissionSensitivity(
  grid: FootprintGrid,
  residenceSeconds: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(residenceSeconds.length);
  for (let k = 0; k < out.length; k += 1)
    out[k] = (residenceSeconds[k] as number) / grid.groundLayerHeightM;
  return out;
}

/** Forward: mean concentration per cell, kg/m³, of `releasedKg` averaged over `averagingSeconds`. */
export function meanConcentration(
  grid: FootprintGrid,
  residenceSeconds: ArrayLike<number>,
  releasedKg: number,
  averagingSeconds: number,
): Float64Array {
  const volume = grid.cellSizeM * grid.cellSizeM * grid.groundLayerHeightM;
  const out = new Float64Array(residenceSeconds.length);
  for (let k = 0; k < out.length; k += 1) {
    out[k] = (releasedKg * (residenceSeconds[k] as number)) / (volume * averagingSeconds);
  }
  return out;
}

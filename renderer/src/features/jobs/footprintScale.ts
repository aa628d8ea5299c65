// The footprint's colour scale: residence times span several decades (a cell next to the
// station holds hours, one at the far edge a fraction of a second), so colour follows
// log10 τ. Zero cells carry no information and stay transparent: they show the map below.

/** Viridis at nine stops: perceptually even, readable in grey, fine for colour-blind readers. */
export const FOOTPRINT_STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** The same stops as a plotly colorscale, so the colour bar matches the image exactly. */
export function plotlyColorscale(): [number, string][] {
  const last = FOOTPRINT_STOPS.length - 1;
  return FOOTPRINT_STOPS.map(([r, g, b], k) => [k / last, `rgb(${r},${g},${b})`]);
}

/** How many decades below the largest cell the scale reaches; less is clamped to the bottom. */
export const DECADES_SHOWN = 4;

export interface LogRange {
  /** log10 of τ in seconds at the bottom and top of the scale. */
  min: number;
  max: number;
}

/** log10 τ of a cell, or null for cells without residence (zero, missing, not finite). */
export function logResidence(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0) return null;
  return Math.log10(value);
}

/** The scale's range over the cells with residence; null when no cell has any. */
export function logRange(values: readonly (number | null)[]): LogRange | null {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    const log = logResidence(value);
    if (log === null) continue;
    min = Math.min(min, log);
    max = Math.max(max, log);
  }
  if (max === -Infinity) return null;
  const bottom = Math.max(min, max - DECADES_SHOWN);
  // A single value (or a flat footprint) still needs a scale of some height.
  return bottom === max ? { min: max - 1, max } : { min: bottom, max };
}

/** RGBA of one log value on the scale: interpolated between stops, clamped at both ends. */
export function colourOf(log: number, range: LogRange): [number, number, number, number] {
  const t = Math.min(1, Math.max(0, (log - range.min) / (range.max - range.min)));
  const position = t * (FOOTPRINT_STOPS.length - 1);
  const k = Math.min(FOOTPRINT_STOPS.length - 2, Math.floor(position));
  const f = position - k;
  const a = FOOTPRINT_STOPS[k]!;
  const b = FOOTPRINT_STOPS[k + 1]!;
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
    // Slightly see-through, so rings and labels under it stay readable.
    220,
  ];
}

/**
 * The grid as image pixels, north up: row 0 of the image is the grid's northern row
 * (j = ny − 1), column i is cell i from the west. Cells without residence are transparent.
 */
export function footprintPixels(
  nx: number,
  ny: number,
  values: readonly (number | null)[],
  range: LogRange,
): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(nx * ny * 4);
  for (let j = 0; j < ny; j += 1) {
    const row = ny - 1 - j;
    for (let i = 0; i < nx; i += 1) {
      const log = logResidence(values[j * nx + i]);
      if (log === null) continue;
      pixels.set(colourOf(log, range), (row * nx + i) * 4);
    }
  }
  return pixels;
}

/** Tick labels for the colour bar: one per whole decade, as 10^n s. */
export function decadeTicks(range: LogRange): { values: number[]; labels: string[] } {
  const values: number[] = [];
  for (let n = Math.ceil(range.min); n <= Math.floor(range.max); n += 1) values.push(n);
  return { values, labels: values.map(formatDecade) };
}

function formatDecade(n: number): string {
  if (n >= 0 && n <= 4) return `${10 ** n} s`;
  if (n >= -3 && n < 0) return `${Number((10 ** n).toFixed(-n))} s`;
  return `1e${n} s`;
}

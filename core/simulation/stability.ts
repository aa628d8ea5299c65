/**
 * Turbulence from a Pasquill–Gifford stability class, for users who know the weather
 * ("sunny afternoon, light wind: class B") rather than an eddy diffusivity.
 *
 * The plume spreads σy(x), σz(x) are Briggs' (1973) open-country fits to the
 * Pasquill–Gifford curves, as tabulated by Hanna, Briggs & Hosker (1982, "Handbook on
 * atmospheric diffusion"), for x from 100 m to 10 km.
 *
 * The model's random walk has a constant K, so its σ grows as √(2 K t) (Taylor's long-time
 * limit) while Briggs' grows about linearly near the source. The equivalent K matches the
 * two at one reference distance, K = σ(X)² · u / (2 X): right at X, too wide nearer, too
 * narrow beyond. For a footprint the far field is what matters, so choose X on the scale
 * of the grid cells or larger (the default is 10 km, the end of Briggs' fits).
 */
export const STABILITY_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type StabilityClass = (typeof STABILITY_CLASSES)[number];

/** Briggs (1973), open country: σy = a·x·(1 + 0.0001 x)^−½ for every class. */
const CROSSWIND_A: Record<StabilityClass, number> = {
  A: 0.22,
  B: 0.16,
  C: 0.11,
  D: 0.08,
  E: 0.06,
  F: 0.04,
};

/** Briggs (1973), open country: σz per class, x in m. */
const VERTICAL: Record<StabilityClass, (x: number) => number> = {
  A: (x) => 0.2 * x,
  B: (x) => 0.12 * x,
  C: (x) => (0.08 * x) / Math.sqrt(1 + 0.0002 * x),
  D: (x) => (0.06 * x) / Math.sqrt(1 + 0.0015 * x),
  E: (x) => (0.03 * x) / (1 + 0.0003 * x),
  F: (x) => (0.016 * x) / (1 + 0.0003 * x),
};

/** Briggs' σy and σz (m) at `distanceM` downwind. */
export function briggsSigmas(
  stability: StabilityClass,
  distanceM: number,
): { sigmaY: number; sigmaZ: number } {
  return {
    sigmaY: (CROSSWIND_A[stability] * distanceM) / Math.sqrt(1 + 0.0001 * distanceM),
    sigmaZ: VERTICAL[stability](distanceM),
  };
}

/** Constant K_h, K_z (m²/s) whose √(2 K x / u) equals Briggs' σ at `referenceDistanceM`. */
export function diffusivitiesForStability(
  stability: StabilityClass,
  windSpeed: number,
  referenceDistanceM = 10_000,
): { horizontalDiffusivity: number; verticalDiffusivity: number } {
  const { sigmaY, sigmaZ } = briggsSigmas(stability, referenceDistanceM);
  const perDistance = windSpeed / (2 * referenceDistanceM);
  return {
    horizontalDiffusivity: sigmaY ** 2 * perDistance,
    verticalDiffusivity: sigmaZ ** 2 * perDistance,
  };
}

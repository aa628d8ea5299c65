/**
 * The analytic Gaussian plume, the reference the particle model is validated against
 * (gaussian-plume.test.ts), and a quick screening estimate on its own.
 *
 * A continuous point source Q (kg/s) at height H in a steady, uniform wind u along x, with
 * total reflection at the ground (an image source at −H), slender-plume approximation
 * (along-wind diffusion neglected, fine when u·x/K ≫ 1); e.g. Seinfeld & Pandis (2016,
 * "Atmospheric chemistry and physics", ch. 18):
 *
 *   C(x, y, z) = Q / (2π u σy σz) · exp(−y²/2σy²) · [exp(−(z−H)²/2σz²) + exp(−(z+H)²/2σz²)]
 *
 * which at the ground is Q / (π u σy σz) · exp(−y²/2σy²) · exp(−H²/2σz²). σy and σz are the
 * caller's: √(2 K x / u) for the model's constant-K random walk, or Briggs' curves
 * (stability.ts).
 */
export interface PlumeSource {
  /** kg/s */
  rateKgPerS: number;
  /** m/s, along +x */
  windSpeed: number;
  /** m above ground */
  heightM: number;
}

/** Concentration (kg/m³) at one point, given the spreads σy, σz (m) at that distance. */
export function plumeConcentration(
  source: PlumeSource,
  sigmaY: number,
  sigmaZ: number,
  y: number,
  z: number,
): number {
  const { rateKgPerS, windSpeed, heightM } = source;
  const crosswind = Math.exp((-y * y) / (2 * sigmaY * sigmaY));
  const vertical =
    Math.exp(-((z - heightM) ** 2) / (2 * sigmaZ * sigmaZ)) +
    Math.exp(-((z + heightM) ** 2) / (2 * sigmaZ * sigmaZ));
  return (rateKgPerS / (2 * Math.PI * windSpeed * sigmaY * sigmaZ)) * crosswind * vertical;
}

/**
 * The same concentration averaged over a box y0…y1, z0…z1 (exact: the Gaussians integrate to
 * error functions), so that it compares like with like with a grid cell's mean.
 */
export function plumeBoxMean(
  source: PlumeSource,
  sigmaY: number,
  sigmaZ: number,
  y: [number, number],
  z: [number, number],
): number {
  const { rateKgPerS, windSpeed, heightM } = source;
  const gaussMass = (a: number, b: number, centre: number, sigma: number) =>
    0.5 * (erf((b - centre) / (Math.SQRT2 * sigma)) - erf((a - centre) / (Math.SQRT2 * sigma)));
  // ∫ exp(−s²/2σ²) ds over [a, b] = √(2π) σ · gaussMass.
  const crosswind = Math.sqrt(2 * Math.PI) * sigmaY * gaussMass(y[0], y[1], 0, sigmaY);
  const vertical =
    Math.sqrt(2 * Math.PI) *
    sigmaZ *
    (gaussMass(z[0], z[1], heightM, sigmaZ) + gaussMass(z[0], z[1], -heightM, sigmaZ));
  const area = (y[1] - y[0]) * (z[1] - z[0]);
  return ((rateKgPerS / (2 * Math.PI * windSpeed * sigmaY * sigmaZ)) * crosswind * vertical) / area;
}

/** The error function, Abramowitz & Stegun (1964) 7.1.26: |error| < 1.5·10⁻⁷. */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-a * a));
}

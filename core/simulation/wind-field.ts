/**
 * What drives the particles: the mean wind, as u (towards east), v (towards north) and
 * w (upwards), in m/s, at a time and a point of the local plane (see local-plane.ts).
 * The dispersion model asks for it once per particle and time step, so an implementation
 * writes into the `out` vector it is given instead of returning a new object: 14 million
 * particle-steps a day of simulation must not mean 14 million allocations.
 * A gridded field (e.g. interpolated from ECMWF or COSMO output, as FLEXPART reads it) fits
 * the same interface; the two built in are below and in measured-wind.ts.
 */
export interface WindVector {
  u: number;
  v: number;
  w: number;
}

export interface WindField {
  /** Writes the wind at `timeMs` (epoch ms) and (`x`, `y`, `z`) m into `out` and returns `out`. */
  windAt(timeMs: number, x: number, y: number, z: number, out: WindVector): WindVector;
}

/** A wind that is the same everywhere and always: the textbook case (Gaussian plume). */
export class ConstantWind implements WindField {
  constructor(private readonly wind: Readonly<WindVector>) {}

  windAt(_timeMs: number, _x: number, _y: number, _z: number, out: WindVector): WindVector {
    out.u = this.wind.u;
    out.v = this.wind.v;
    out.w = this.wind.w;
    return out;
  }
}

/**
 * u, v from a wind speed and a meteorological direction, the direction the wind comes FROM,
 * clockwise from north (WMO convention): a westerly (270°) blows towards the east, u > 0.
 */
export function windComponents(speed: number, directionDeg: number): { u: number; v: number } {
  const radians = (directionDeg * Math.PI) / 180;
  return { u: -speed * Math.sin(radians), v: -speed * Math.cos(radians) };
}

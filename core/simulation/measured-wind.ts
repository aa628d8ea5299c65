import { windComponents, type WindField, type WindVector } from './wind-field';

const TABLE_FROM_M = 20;
const TABLE_TO_M = 5000;

/** A station's wind record: parallel arrays, NaN where a value is missing. */
export interface WindSeries {
  /** Epoch ms, ascending. */
  timesMs: ArrayLike<number>;
  /** m/s at the anemometer. */
  speed: ArrayLike<number>;
  /** Meteorological degrees: where the wind comes FROM, clockwise from north. */
  directionDeg: ArrayLike<number>;
}

export interface MeasuredWindOptions {
  /** Height of the anemometer above ground, m (WMO standard: 10 m). */
  referenceHeightM?: number;
  /**
   * Exponent p of the power-law profile u(z) = u_ref · (z / z_ref)^p. 1/7 is the classic
   * neutral value over open country (Hellmann; Peterson & Hennessey 1978); Irwin (1979)
   * tabulates 0.07 (unstable) to 0.55 (stable, class F) for rural terrain.
   */
  profileExponent?: number;
  /** Below this height the profile is held constant: the power law goes to 0 at the ground. */
  minimumHeightM?: number;
}

/**
 * The wind measured at the station, used as the wind everywhere around it.
 *
 * Simplifications, deliberately (a production run uses FLEXPART with ECMWF fields):
 * - Uniform in space horizontally: the station's wind is taken to hold over the whole grid.
 *   That is fair for a few hours and tens of km in synoptic flow and wrong in a valley at
 *   night; the footprint says "where would the air have come from if the station's wind
 *   had held", and the UI should say so.
 * - In time, u and v (not speed and direction) are interpolated linearly between valid
 *   samples, across gaps too; before the first and after the last valid sample the nearest
 *   one holds. Interpolating components avoids the 350° → 10° wrap-around.
 * - In the vertical, a power-law profile scales the measured speed; direction does not turn
 *   with height (no Ekman spiral), and w = 0: no vertical mean motion, only turbulence.
 */
export class MeasuredWind implements WindField {
  private readonly times: Float64Array;
  private readonly u: Float64Array;
  private readonly v: Float64Array;
  private readonly referenceHeightM: number;
  private readonly exponent: number;
  private readonly minimumHeightM: number;
  private readonly profileTable: Float64Array;
  // The model asks for every particle at the same time; interpolate once per time.
  private cachedTimeMs = Number.NaN;
  private cachedU = 0;
  private cachedV = 0;

  constructor(series: WindSeries, options: MeasuredWindOptions = {}) {
    const valid: number[] = [];
    for (let i = 0; i < series.timesMs.length; i += 1) {
      const speed = series.speed[i];
      const direction = series.directionDeg[i];
      const time = series.timesMs[i];
      if (
        Number.isFinite(time) &&
        Number.isFinite(speed) &&
        Number.isFinite(direction) &&
        (speed as number) >= 0
      ) {
        valid.push(i);
      }
    }
    if (valid.length === 0) throw new Error('the wind series has no valid sample');
    valid.sort((a, b) => (series.timesMs[a] as number) - (series.timesMs[b] as number));
    this.times = new Float64Array(valid.length);
    this.u = new Float64Array(valid.length);
    this.v = new Float64Array(valid.length);
    valid.forEach((index, k) => {
      const { u, v } = windComponents(
        series.speed[index] as number,
        series.directionDeg[index] as number,
      );
      this.times[k] = series.timesMs[index] as number;
      this.u[k] = u;
      this.v[k] = v;
    });
    this.referenceHeightM = options.referenceHeightM ?? 10;
    this.exponent = options.profileExponent ?? 1 / 7;
    this.minimumHeightM = options.minimumHeightM ?? 1;
    this.profileTable = new Float64Array(TABLE_TO_M + 1);
    for (let k = TABLE_FROM_M; k <= TABLE_TO_M; k += 1) {
      this.profileTable[k] = Math.pow(
        Math.max(k, this.minimumHeightM) / this.referenceHeightM,
        this.exponent,
      );
    }
  }

  windAt(timeMs: number, _x: number, _y: number, z: number, out: WindVector): WindVector {
    if (timeMs !== this.cachedTimeMs) this.interpolate(timeMs);
    const factor = this.profileFactor(z);
    out.u = this.cachedU * factor;
    out.v = this.cachedV * factor;
    out.w = 0;
    return out;
  }

  /**
   * (z / z_ref)^p. Math.pow costs ~50 ns, a third of a whole particle-step, so between
   * TABLE_FROM_M and TABLE_TO_M it is read from a table every metre, linearly interpolated:
   * relative error ≤ p(1 − p) / (8 z²) < 4·10⁻⁵ there; exact below and above.
   */
  private profileFactor(z: number): number {
    if (z >= TABLE_FROM_M && z < TABLE_TO_M) {
      const k = Math.floor(z);
      const below = this.profileTable[k] as number;
      return below + (z - k) * ((this.profileTable[k + 1] as number) - below);
    }
    const height = z > this.minimumHeightM ? z : this.minimumHeightM;
    return Math.pow(height / this.referenceHeightM, this.exponent);
  }

  private interpolate(timeMs: number): void {
    const { times, u, v } = this;
    const last = times.length - 1;
    this.cachedTimeMs = timeMs;
    // Binary search for times[lo] <= timeMs < times[hi] = times[lo + 1], or the nearest end.
    let lo = 0;
    let hi = last;
    if (timeMs <= (times[0] as number)) hi = 0;
    else if (timeMs >= (times[last] as number)) lo = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if ((times[mid] as number) <= timeMs) lo = mid;
      else hi = mid;
    }
    if (lo === hi) {
      this.cachedU = u[lo] as number;
      this.cachedV = v[lo] as number;
      return;
    }
    const t0 = times[lo] as number;
    const weight = (timeMs - t0) / ((times[hi] as number) - t0);
    const u0 = u[lo] as number;
    const v0 = v[lo] as number;
    this.cachedU = u0 + weight * ((u[hi] as number) - u0);
    this.cachedV = v0 + weight * ((v[hi] as number) - v0);
  }
}

import type { LocalBox } from './local-plane';
import type { SeededRandom } from './random';

export const NOT_RELEASED = 0;
export const ACTIVE = 1;
export const LEFT_DOMAIN = 2;

/**
 * All particles as a structure of arrays: one typed array per coordinate, so the time step
 * walks contiguous memory and allocates nothing. Positions are float64: at 1,000 km from
 * the station a float32 would round a 1 m turbulent step away.
 *
 * Particles are numbered in the order the run releases them (in a backward run the last
 * in calendar time comes first), so the released ones are always the prefix 0 … released−1.
 */
export class ParticleState {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  /** NOT_RELEASED, ACTIVE or LEFT_DOMAIN (left the grid: counted, no longer moved). */
  readonly status: Uint8Array;
  released = 0;
  leftDomain = 0;

  constructor(readonly count: number) {
    this.x = new Float64Array(count);
    this.y = new Float64Array(count);
    this.z = new Float64Array(count);
    this.status = new Uint8Array(count);
  }

  /**
   * Starting points uniformly distributed in the release box, as FLEXPART draws them
   * (Stohl et al. 2005); a box of zero size is a
   * point source.
   */
  place(box: LocalBox, random: SeededRandom): void {
    for (let i = 0; i < this.count; i += 1) {
      this.x[i] = box.xMin + random.uniform() * (box.xMax - box.xMin);
      this.y[i] = box.yMin + random.uniform() * (box.yMax - box.yMin);
      this.z[i] = box.zMin + random.uniform() * (box.zMax - box.zMin);
    }
  }

  /** Releases every particle whose release step has come. */
  releaseUpTo(step: number, releaseStepOf: (index: number) => number): void {
    while (this.released < this.count && releaseStepOf(this.released) <= step) {
      this.status[this.released] = ACTIVE;
      this.released += 1;
    }
  }

  get active(): number {
    return this.released - this.leftDomain;
  }
}

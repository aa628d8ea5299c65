/**
 * A seeded pseudo-random source, so that a dispersion run is reproducible: the same seed
 * gives the same particles, bit for bit, on every machine (IEEE doubles, integer state).
 *
 * Generator: xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
 * generators"): period 2^128 − 1, passes BigCrush, four 32-bit words of state, so it runs on
 * plain int32 arithmetic in any JavaScript engine. A 9-day run of 10,000 particles draws
 * ~5·10^8 numbers: mulberry32's period of 2^32 would be too close for comfort.
 * The seed is spread over the state with splitmix32, as the authors recommend, so that
 * neighbouring seeds (1, 2, 3…) give unrelated streams.
 */
export class SeededRandom {
  // Int32Array keeps the state in untagged 32-bit slots: no heap numbers in the hot loop.
  private readonly state = new Int32Array(4);
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    let s = seed | 0;
    for (let i = 0; i < 4; i += 1) {
      // splitmix32 (Steele, Lea & Flood 2014, 32-bit variant).
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.state[i] = z ^ (z >>> 16);
    }
    // An all-zero state is the one fixed point of xoshiro; splitmix32 cannot produce four zeros,
    // but guard anyway.
    if (this.state.every((word) => word === 0)) this.state[0] = 1;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const s = this.state;
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const s2 = s[2] as number;
    const s3 = s[3] as number;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = (n3 << 11) | (n3 >>> 21);
    return result >>> 0;
  }

  /** Uniform on [0, 1), 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() * 2.3283064365386963e-10; // 2^-32
  }

  /**
   * Standard normal N(0, 1) by Marsaglia's polar method (Marsaglia & Bray 1964): two
   * uniforms give two independent normals with one log and one sqrt, no sin/cos; the
   * second is kept for the next call. Rejection rate 1 − π/4 ≈ 21 %.
   */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    for (;;) {
      const u = this.nextUint32() * 4.656612873077393e-10 - 1; // 2^-31: [−1, 1)
      const v = this.nextUint32() * 4.656612873077393e-10 - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      this.spare = v * factor;
      this.hasSpare = true;
      return u * factor;
    }
  }
}

import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random';

describe('SeededRandom', () => {
  it('repeats itself for a seed and differs between neighbouring seeds', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 8 }, () => random.nextUint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(2)).not.toEqual(draw(1));
    expect(draw(1).every((n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32)).toBe(true);
  });

  it('gives uniforms on [0, 1) with mean ½ and normals with mean 0 and variance 1', () => {
    const random = new SeededRandom(2024);
    const n = 200_000;
    let uniformSum = 0;
    let uniformMin = 1;
    let uniformMax = 0;
    let sum = 0;
    let squares = 0;
    let fourth = 0;
    for (let i = 0; i < n; i += 1) {
      const u = random.uniform();
      uniformSum += u;
      uniformMin = Math.min(uniformMin, u);
      uniformMax = Math.max(uniformMax, u);
      const g = random.normal();
      sum += g;
      squares += g * g;
      fourth += g ** 4;
    }
    expect(uniformMin).toBeGreaterThanOrEqual(0);
    expect(uniformMax).toBeLessThan(1);
    // Standard errors at n = 200,000: 0.0006 (uniform mean), 0.0022 (mean), 0.0032 (variance).
    expect(Math.abs(uniformSum / n - 0.5)).toBeLessThan(0.003);
    expect(Math.abs(sum / n)).toBeLessThan(0.011);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.016);
    expect(Math.abs(fourth / n - 3)).toBeLessThan(0.1); // Gaussian kurtosis
  });
});

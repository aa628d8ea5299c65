import { describe, expect, it } from 'vitest';
import { releaseBoxToLocal, toGeo, toLocal } from './local-plane';
import { briggsSigmas, diffusivitiesForStability } from './stability';

describe('diffusivitiesForStability', () => {
  it("gives the K whose √(2 K x / u) is Briggs' σ at the reference distance", () => {
    const u = 5;
    const k = diffusivitiesForStability('D', u, 10_000);
    const briggs = briggsSigmas('D', 10_000);
    expect(Math.sqrt((2 * k.horizontalDiffusivity * 10_000) / u)).toBeCloseTo(briggs.sigmaY, 9);
    expect(Math.sqrt((2 * k.verticalDiffusivity * 10_000) / u)).toBeCloseTo(briggs.sigmaZ, 9);
    // Class D at 10 km: σy ≈ 566 m, σz = 150 m (Briggs 1973, open country).
    expect(briggs.sigmaY).toBeCloseTo(565.7, 1);
    expect(briggs.sigmaZ).toBeCloseTo(150, 6);
  });

  it('spreads more in unstable than in stable air', () => {
    expect(briggsSigmas('A', 1000).sigmaZ).toBeGreaterThan(briggsSigmas('F', 1000).sigmaZ * 10);
  });
});

describe('the local plane (equirectangular)', () => {
  const origin = { latitude: 47, longitude: 11 };

  it('maps one degree of latitude to R·π/180 ≈ 111.2 km and of longitude to that times cos φ0', () => {
    expect(toLocal(origin, { latitude: 48, longitude: 11 }).y).toBeCloseTo(111_194.9, 0);
    expect(toLocal(origin, { latitude: 47, longitude: 12 }).x).toBeCloseTo(
      111_194.9 * Math.cos((47 * Math.PI) / 180),
      0,
    );
  });

  it('round-trips and converts a release box', () => {
    const back = toGeo(origin, 12_345, -6_789);
    const again = toLocal(origin, back);
    expect(again.x).toBeCloseTo(12_345, 6);
    expect(again.y).toBeCloseTo(-6_789, 6);
    const box = releaseBoxToLocal(origin, {
      west: 10.99,
      east: 11.01,
      south: 46.99,
      north: 47.01,
      bottom: 0,
      top: 100,
    });
    expect(box.xMin).toBeCloseTo(-box.xMax, 6);
    expect(box.yMax).toBeCloseTo(1111.95, 1);
    expect(box.zMax).toBe(100);
  });
});

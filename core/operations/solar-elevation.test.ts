import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solarElevationDeg } from './solar-elevation';

const ZUGSPITZE = { lat: 47.421, lon: 10.9848 };

describe('solarElevationDeg', () => {
  // Reference values from the NOAA solar calculator (gml.noaa.gov/grad/solcalc), no refraction.
  it.each([
    ['Zugspitze, summer solstice, solar noon', ZUGSPITZE, '2024-06-21T11:17:00Z', 66.0],
    ['Zugspitze, winter solstice, solar noon', ZUGSPITZE, '2024-12-21T11:15:00Z', 19.1],
    ['Zugspitze, summer solstice, midnight', ZUGSPITZE, '2024-06-21T23:17:00Z', -19.1],
    [
      'Greenwich, March equinox, solar noon',
      { lat: 51.4769, lon: 0 },
      '2024-03-20T12:07:30Z',
      38.6,
    ],
    ['Equator, equinox, 06:00 local', { lat: 0, lon: 0 }, '2024-03-20T06:07:00Z', 0.0],
    ['Sydney, winter noon', { lat: -33.8688, lon: 151.2093 }, '2024-06-21T01:57:00Z', 32.7],
  ])('%s', (_name, place, time, expected) => {
    expect(solarElevationDeg(place.lat, place.lon, Date.parse(time))).toBeCloseTo(expected, 0);
  });

  it('stays within ±90° and repeats after a whole day to within a degree', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        (lat, lon, t) => {
          const e = solarElevationDeg(lat, lon, t);
          expect(Math.abs(e)).toBeLessThanOrEqual(90);
          expect(Math.abs(solarElevationDeg(lat, lon, t + 86_400_000) - e)).toBeLessThan(1);
        },
      ),
    );
  });
});

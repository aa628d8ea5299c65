/**
 * The model's coordinates: a local tangent plane in metres around the station, x east,
 * y north, z up above ground.
 *
 * Degrees become metres by the equirectangular approximation, x = R·cos φ0·Δλ, y = R·Δφ
 * (Snyder 1987, "Map projections: a working manual", p. 90), with the mean Earth radius
 * R = 6,371 km and φ0 the station's latitude. Distances along a parallel are exact at φ0 and
 * off by the ratio cos φ / cos φ0 elsewhere: at 47° N that is about 1.9 % per degree of
 * latitude (≈ 110 km) away from the station, so footprint grids of a few hundred km stay
 * within a few per cent, and that is the scale the built-in model is meant for (its wind is
 * uniform in space anyway, see measured-wind.ts). Terrain is ignored: z is height above a
 * flat ground.
 */

export const EARTH_RADIUS_M = 6_371_000;
const RADIANS = Math.PI / 180;

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** A box as FLEXPART's RELEASES file gives it: LON1/LON2, LAT1/LAT2 in degrees, Z1/Z2 in m above ground. */
export interface ReleaseBox {
  west: number;
  east: number;
  south: number;
  north: number;
  bottom: number;
  top: number;
}

/** The same box in local metres. */
export interface LocalBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  zMin: number;
  zMax: number;
}

/** Metres east (x) and north (y) of `origin`. */
export function toLocal(origin: GeoPoint, point: GeoPoint): { x: number; y: number } {
  return {
    x:
      EARTH_RADIUS_M *
      Math.cos(origin.latitude * RADIANS) *
      (point.longitude - origin.longitude) *
      RADIANS,
    y: EARTH_RADIUS_M * (point.latitude - origin.latitude) * RADIANS,
  };
}

/** The inverse of `toLocal`: degrees of a point `x` m east and `y` m north of `origin`. */
export function toGeo(origin: GeoPoint, x: number, y: number): GeoPoint {
  return {
    latitude: origin.latitude + y / (EARTH_RADIUS_M * RADIANS),
    longitude:
      origin.longitude + x / (EARTH_RADIUS_M * Math.cos(origin.latitude * RADIANS) * RADIANS),
  };
}

export function releaseBoxToLocal(origin: GeoPoint, box: ReleaseBox): LocalBox {
  const southWest = toLocal(origin, { latitude: box.south, longitude: box.west });
  const northEast = toLocal(origin, { latitude: box.north, longitude: box.east });
  return {
    xMin: southWest.x,
    xMax: northEast.x,
    yMin: southWest.y,
    yMax: northEast.y,
    zMin: box.bottom,
    zMax: box.top,
  };
}

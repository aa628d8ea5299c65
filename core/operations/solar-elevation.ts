// The sun's elevation for the "no exposure in daylight" interlock: the NOAA solar
// calculator's equations (Meeus, simplified), good to about 0.1° between 1900 and 2100,
// far better than the twilight thresholds (-6°, -12°, -18°) it is compared with.

const RAD = Math.PI / 180;
const DAY_MS = 86_400_000;
/** 2000-01-01T12:00:00Z, the J2000 epoch, in epoch ms. */
const J2000_MS = Date.UTC(2000, 0, 1, 12);

/** The sun's elevation above the horizon in degrees (negative below it), refraction ignored. */
export function solarElevationDeg(
  latitudeDeg: number,
  longitudeDeg: number,
  timeMs: number,
): number {
  const t = (timeMs - J2000_MS) / DAY_MS / 36525; // Julian centuries since J2000
  const meanLongitude = mod360(280.46646 + t * (36000.76983 + t * 0.0003032));
  const meanAnomaly = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const centre =
    Math.sin(meanAnomaly * RAD) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
    Math.sin(2 * meanAnomaly * RAD) * (0.019993 - 0.000101 * t) +
    Math.sin(3 * meanAnomaly * RAD) * 0.000289;
  const omega = 125.04 - 1934.136 * t;
  const apparentLongitude = meanLongitude + centre - 0.00569 - 0.00478 * Math.sin(omega * RAD);
  const meanObliquity =
    23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const obliquity = meanObliquity + 0.00256 * Math.cos(omega * RAD);
  const declination = Math.asin(Math.sin(obliquity * RAD) * Math.sin(apparentLongitude * RAD));

  // The equation of time (minutes): how far the true sun runs ahead of the mean sun.
  const y = Math.tan((obliquity / 2) * RAD) ** 2;
  const l0 = meanLongitude * RAD;
  const m = meanAnomaly * RAD;
  const equationOfTime =
    (4 / RAD) *
    (y * Math.sin(2 * l0) -
      2 * eccentricity * Math.sin(m) +
      4 * eccentricity * y * Math.sin(m) * Math.cos(2 * l0) -
      0.5 * y * y * Math.sin(4 * l0) -
      1.25 * eccentricity * eccentricity * Math.sin(2 * m));

  const minutesOfDay = (((timeMs % DAY_MS) + DAY_MS) % DAY_MS) / 60_000;
  const trueSolarMinutes = mod(minutesOfDay + equationOfTime + 4 * longitudeDeg, 1440);
  const hourAngle = trueSolarMinutes / 4 - 180;
  const lat = latitudeDeg * RAD;
  const cosZenith =
    Math.sin(lat) * Math.sin(declination) +
    Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle * RAD);
  return 90 - Math.acos(Math.max(-1, Math.min(1, cosZenith))) / RAD;
}

const mod = (value: number, modulus: number) => ((value % modulus) + modulus) % modulus;
const mod360 = (value: number) => mod(value, 360);

import type { Interlock } from '../contracts/operations';
import { solarElevationDeg } from './solar-elevation';

/** What the interlocks need to know, gathered by the caller (database, clock, catalogue). */
export interface InterlockFacts {
  /** When the command would run (now, or its slot's start when that is later). */
  atMs: number;
  station: { id: string; latitude: number | null; longitude: number | null };
  /** Commands of this name sent to this instrument in the hour before `atMs`. */
  sentInLastHour: number;
  staffed: boolean;
}

/** `catalogue`: the instrument or command is not (or no longer) in the catalogue. */
export type InterlockResult =
  { ok: true } | { ok: false; interlock: Interlock['kind'] | 'catalogue'; reason: string };

/** The first interlock that refuses, with a reason an operator can act on; else ok. */
export function checkInterlocks(
  interlocks: readonly Interlock[],
  facts: InterlockFacts,
): InterlockResult {
  for (const interlock of interlocks) {
    const reason = refusal(interlock, facts);
    if (reason) return { ok: false, interlock: interlock.kind, reason };
  }
  return { ok: true };
}

function refusal(interlock: Interlock, facts: InterlockFacts): string | undefined {
  const { station } = facts;
  switch (interlock.kind) {
    case 'no_daylight': {
      // Without a position the sun cannot be placed: refuse rather than risk the sensor.
      if (station.latitude === null || station.longitude === null) {
        return `no exposure in daylight: station ${station.id} has no position to place the sun`;
      }
      const elevation = solarElevationDeg(station.latitude, station.longitude, facts.atMs);
      if (elevation <= interlock.maxSolarElevationDeg) return undefined;
      return (
        `no exposure in daylight: the sun is ${elevation.toFixed(1)}° high at ${station.id} ` +
        `at ${new Date(facts.atMs).toISOString()} (allowed up to ${interlock.maxSolarElevationDeg}°)`
      );
    }
    case 'rate_limit':
      if (facts.sentInLastHour < interlock.maxPerHour) return undefined;
      return `at most ${interlock.maxPerHour} per hour: ${facts.sentInLastHour} already sent in the last hour`;
    case 'staffed':
      return facts.staffed
        ? undefined
        : `only while the station is staffed: ${station.id} is not staffed`;
  }
}

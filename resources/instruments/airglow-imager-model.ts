// The simulated imager's behaviour, without I/O: its state, what each command does to it,
// and what it measures. Mode codes match the `mode` datastream's description in seed.json.

export const MODES = ['standby', 'night-series', 'calibration'] as const;
export type Mode = (typeof MODES)[number];

export interface ImagerState {
  mode: Mode;
  /** Exposure time, which is also the sampling interval. */
  exposureSeconds: number;
}

export function initialState(mode: string, exposureSeconds: number): ImagerState {
  const known = (MODES as readonly string[]).includes(mode) ? (mode as Mode) : 'night-series';
  return {
    mode: known,
    exposureSeconds: Number.isFinite(exposureSeconds) && exposureSeconds > 0 ? exposureSeconds : 60,
  };
}

export type CommandResult = { ok: true; state: ImagerState } | { ok: false; reason: string };

/** What a command does; the instrument checks its parameters itself, as real firmware does. */
export function applyCommand(
  state: ImagerState,
  command: string,
  params: Record<string, unknown>,
): CommandResult {
  switch (command) {
    case 'set-exposure': {
      const seconds = params.seconds;
      if (typeof seconds !== 'number' || !(seconds >= 1 && seconds <= 600)) {
        return { ok: false, reason: 'seconds must be a number from 1 to 600' };
      }
      return { ok: true, state: { ...state, exposureSeconds: seconds } };
    }
    case 'start-night-series':
      return { ok: true, state: { ...state, mode: 'night-series' } };
    case 'standby':
      return { ok: true, state: { ...state, mode: 'standby' } };
    case 'calibrate':
      return { ok: true, state: { ...state, mode: 'calibration' } };
    default:
      return { ok: false, reason: `unknown command ${command}` };
  }
}

/**
 * Airglow (OH*) is a faint ~100–300 R glow; scattered sunlight swamps it from nautical
 * twilight on. A slow wave stands in for gravity waves crossing the layer.
 */
export function skyBrightnessR(timeMs: number, solarElevationDeg: number): number {
  const airglow = 180 + 60 * Math.sin(timeMs / 1_800_000);
  const twilight = solarElevationDeg > -18 ? 10 ** ((solarElevationDeg + 18) / 4) : 0;
  return Math.round((airglow + twilight) * 10) / 10;
}

/** One report: state always; a brightness only while the imager exposes. */
export function observationsOf(
  instrument: string,
  state: ImagerState,
  timeMs: number,
  elevation: number,
) {
  const time = new Date(timeMs).toISOString();
  const rows = [
    { datastream: `${instrument}.mode`, time, value: MODES.indexOf(state.mode) },
    { datastream: `${instrument}.exposure_seconds`, time, value: state.exposureSeconds },
  ];
  if (state.mode !== 'standby') {
    rows.push({
      datastream: `${instrument}.sky_brightness`,
      time,
      value: skyBrightnessR(timeMs, elevation),
    });
  }
  return rows;
}

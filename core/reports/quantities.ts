// What the checks need to know about a quantity: its plausible range, how far a spike must
// stand out, how long a reading may legitimately repeat. Chosen on the real 2017 10-minute
// files of Sattelberg (2107 m) and Ellbögen (1080 m) in ../shared/data:
// - their values stay well inside these ranges (pressure 737…911 hPa, temperature −21…31 °C);
// - readings are rounded (0.1 °C, 0.1 hPa, 1 %), so the median absolute deviation of a calm
//   hour is often 0: a spike must also exceed an absolute floor, or every 0.1 step would count;
// - saturated air repeats 99–100 % for up to three days in fog (Ellbögen, November): weather,
//   not a stuck sensor. Calm is rarer: 0 m/s with the vane frozen at 283° for 10 h at the
//   crest (22 February) is icing, and 0.1 m/s for 8 h in the valley is the anemometer's floor;
// - blank cells are missing values, not zeros (the reader drops them).

const HOUR = 3_600_000;

export interface QuantityProfile {
  quantity: string;
  range: { min: number; max: number } | null;
  /** Smallest departure from the neighbours' median that counts as a spike; null: no spike check. */
  spikeFloor: number | null;
  /** A run of one repeated value at least this long is stuck; null: no stuck check. */
  stuckAfterMs: number | null;
  /** Values that may repeat for as long as they like (0 mm of rain, saturated air). */
  legitimatelyConstant?: (value: number) => boolean;
  /** Why a check does not apply, for the report. */
  notes?: string[];
}

const profiles: Record<string, QuantityProfile> = {
  air_temperature: {
    quantity: 'air temperature',
    range: { min: -60, max: 50 },
    spikeFloor: 3,
    stuckAfterMs: 6 * HOUR,
  },
  relative_humidity: {
    quantity: 'relative humidity',
    range: { min: 0, max: 100 },
    spikeFloor: 15,
    stuckAfterMs: 12 * HOUR,
    legitimatelyConstant: (v) => v >= 97,
  },
  wind_speed: {
    quantity: 'wind speed',
    range: { min: 0, max: 75 },
    spikeFloor: 5,
    stuckAfterMs: 6 * HOUR,
  },
  wind_direction: {
    quantity: 'wind direction',
    range: { min: 0, max: 360 },
    spikeFloor: null,
    stuckAfterMs: 6 * HOUR,
    notes: ['spike: a direction is circular and swings freely in light wind'],
  },
  air_pressure: {
    quantity: 'air pressure',
    range: { min: 500, max: 1100 },
    spikeFloor: 2,
    stuckAfterMs: 6 * HOUR,
  },
  precipitation: {
    quantity: 'precipitation',
    range: { min: 0, max: 500 },
    spikeFloor: null,
    stuckAfterMs: 24 * HOUR,
    legitimatelyConstant: (v) => v === 0,
    notes: ['spike: rain comes in bursts'],
  },
  snow_depth: {
    quantity: 'snow depth',
    range: { min: 0, max: 1500 },
    spikeFloor: 30,
    stuckAfterMs: null,
    notes: ['stuck: snow depth may stay the same for weeks'],
  },
};

/** Variables named differently but measured in a unit that says what they are. */
const byUnit: Record<string, string> = {
  degC: 'air_temperature',
  '°C': 'air_temperature',
  '%': 'relative_humidity',
  'm/s': 'wind_speed',
  deg: 'wind_direction',
  hPa: 'air_pressure',
  mm: 'precipitation',
};

const unknown: QuantityProfile = {
  quantity: 'unknown quantity',
  range: null,
  spikeFloor: 0,
  stuckAfterMs: 24 * HOUR,
  notes: ['range: no limits in the catalog and no default for this unit'],
};

/** The profile of a datastream from its variable name, else its unit. */
export function profileOf(variable: string, unit: string): QuantityProfile {
  const known = profiles[variable] ?? profiles[byUnit[unit] ?? ''];
  return known ?? { ...unknown, quantity: `${variable} (${unit})` };
}

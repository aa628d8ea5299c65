import { parseRule, type Rule, type RuleInput } from '../rule-schema';

// South foehn in the Wipp valley (Tyrol), the classic case of the Sattelberg / Ellbögen
// pair: a southerly wind over the crest (Sattelberg, 2107 m) that descends into the valley
// and reaches Ellbögen (1080 m) warm and dry. The onset shows at the valley station as a
// jump in temperature and a drop in humidity. The rule fires on that onset while the crest
// wind is southerly and strong, and stays open until the crest wind weakens or turns.

/** Ellbögen, where the foehn air arrives: the release point of the backward dispersion. */
const ELLBOEGEN = { latitude: 47.18713, longitude: 11.42878, altitudeM: 1080 };

export const southFoehnRuleInput = {
  id: 'south-foehn-wipp',
  name: 'South foehn in the Wipp valley',
  owner: 'firn-examples',
  visibility: 'everyone',
  severity: 'warning',
  scope: {
    wind: 'sattelberg.aws.wind_speed',
    dir: 'sattelberg.aws.wind_direction',
    t: 'ellboegen.aws.air_temperature',
    rh: 'ellboegen.aws.relative_humidity',
  },
  condition: {
    kind: 'all',
    conditions: [
      { kind: 'threshold', of: 'dir', compare: { op: 'between', min: 135, max: 225 } },
      { kind: 'threshold', of: 'wind', compare: { op: 'above', value: 10 } },
      { kind: 'rateOfChange', input: 't', direction: 'rise', by: 3, within: '1h' },
      { kind: 'rateOfChange', input: 'rh', direction: 'drop', by: 10, within: '1h' },
    ],
  },
  noise: {
    minDuration: '30m',
    // Hysteresis: the onset needs 10 m/s from the south; the episode ends only when the
    // crest wind falls below 8 m/s or turns clearly out of the south. A crest station that
    // falls silent ends it too: otherwise the alert would stay open through a days-long gap.
    clear: {
      kind: 'any',
      conditions: [
        { kind: 'threshold', of: 'wind', compare: { op: 'below', value: 8 } },
        { kind: 'threshold', of: 'dir', compare: { op: 'outside', min: 120, max: 240 } },
        { kind: 'missingData', input: 'wind', cadence: '10m', after: '1h' },
      ],
    },
    cooldown: '2h',
    flap: { window: '6h', maxTransitions: 4 },
  },
  lateness: '10m',
  staleAfter: '30m',
  horizon: '1h',
  actions: [
    {
      // Where did the foehn air come from? A backward footprint released at Ellbögen over
      // the trigger window (the onset, until the alert fired), on the measured crest wind.
      queue: 'jobs.cod',
      type: 'backward-dispersion',
      params: {
        model: {
          direction: 'backward',
          durationHours: 24,
          particleCount: 10_000,
          station: { latitude: ELLBOEGEN.latitude, longitude: ELLBOEGEN.longitude },
          releaseBox: {
            west: ELLBOEGEN.longitude - 0.01,
            east: ELLBOEGEN.longitude + 0.01,
            south: ELLBOEGEN.latitude - 0.01,
            north: ELLBOEGEN.latitude + 0.01,
            bottom: 0,
            top: 500,
          },
          releaseStart: '{{trigger.startMs}}',
          releaseEnd: '{{trigger.firingMs}}',
          outputIntervalHours: 2,
        },
        wind: { speed: '{{scope.wind}}', direction: '{{scope.dir}}' },
        alertId: '{{alert.id}}',
      },
    },
    {
      queue: 'jobs.sod',
      type: 'notify',
      params: {
        subject: 'South foehn in the Wipp valley since {{trigger.start}}',
        text: 'Sattelberg wind {{values.wind}} m/s from {{values.dir}}°; Ellbögen {{values.t}} °C, {{values.rh}} % humidity.',
        alertId: '{{alert.id}}',
        severity: '{{severity}}',
      },
    },
  ],
} satisfies RuleInput;

/** The example rule, parsed (defaults filled in, checked). */
export function southFoehnRule(): Rule {
  return parseRule(southFoehnRuleInput);
}

import fc from 'fast-check';
import { hostileText } from './hostile-values';
import { condition, duration, inputName, number, schedule } from './rule-conditions';

// Rule documents for POST /api/v1/rules/backtest: every field of a rule with hostile
// values (rule-conditions.ts), mostly a valid rule with one to three fields replaced so
// that documents get past the shape checks to the deeper ones.

export const VALID_RULE = {
  id: 'fuzz-warm',
  name: 'Warm at the crest',
  owner: 'fuzz',
  scope: { t: 'sattelberg.aws.air_temperature', w: 'sattelberg.aws.wind_speed' },
  condition: { kind: 'threshold', of: 't', compare: { op: 'above', value: 5 } },
  noise: { minDuration: '30m' },
};

const template = fc.constantFrom(
  '{{trigger.start}}',
  '{{constructor}}',
  '{{__proto__.polluted}}',
  '{{trigger.start}}'.repeat(300),
  '{{',
);

const ruleFields = {
  id: fc.oneof(
    fc.constantFrom('fuzz-warm', 'UPPER', '', 'a'.repeat(65), "x'; DROP TABLE rules; --"),
    hostileText,
  ),
  name: fc.oneof(hostileText, fc.constant(' ')),
  owner: fc.oneof(hostileText, fc.constant('x'.repeat(201))),
  visibility: fc.constantFrom('private', 'station', 'everyone', 'public'),
  enabled: fc.oneof(fc.boolean(), fc.constant('yes')),
  severity: fc.constantFrom('info', 'warning', 'critical', 'apocalyptic'),
  scope: fc
    .array(
      fc.tuple(
        inputName,
        fc.oneof(
          fc.constantFrom(VALID_RULE.scope.t, 'nowhere.x.y', `x.y.z'; DROP TABLE datastreams; --`),
          hostileText,
        ),
      ),
      { maxLength: 20 },
    )
    .map((pairs) => Object.fromEntries(pairs)),
  condition,
  noise: fc.record(
    {
      minDuration: duration,
      cooldown: duration,
      clear: condition,
      flap: fc.record({ window: duration, maxTransitions: number }),
    },
    { requiredKeys: [] },
  ),
  lateness: duration,
  staleAfter: duration,
  horizon: duration,
  schedule,
  actions: fc.array(
    fc.record({
      queue: fc.constantFrom('jobs.cod', 'jobs.sod', 'jobs.ood', 'jobs.evil'),
      type: fc.oneof(fc.constantFrom('notify', 'backward-dispersion'), hostileText),
      on: fc.constantFrom('firing', 'resolved', 'never'),
      params: fc.dictionary(
        fc.string({ maxLength: 8 }),
        fc.oneof(template, fc.jsonValue({ maxDepth: 4 })),
        { noNullPrototype: true },
      ),
    }),
    { maxLength: 3 },
  ),
};

type RuleField = keyof typeof ruleFields;

/** The valid rule with one to three fields replaced: gets past the shape to the deep checks. */
export const nearlyValidRule = fc
  .tuple(
    fc.subarray(Object.keys(ruleFields) as RuleField[], { minLength: 1, maxLength: 3 }),
    fc.record(ruleFields),
  )
  .map(([fields, values]) => ({
    ...VALID_RULE,
    ...Object.fromEntries(fields.map((field) => [field, values[field]])),
  }));

export const anyRule: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nearlyValidRule },
  { weight: 2, arbitrary: fc.record(ruleFields, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.oneof(fc.jsonValue(), hostileText) },
);

import fc from 'fast-check';
import { EXPRESSION_INJECTIONS, hostileText, numberText, SQL_INJECTIONS } from './hostile-values';

// The parts of a rule (core/rules/README.md) with hostile values: injected expressions,
// expressions at the length limit that nest as deep as the limit lets them, odd durations
// and numbers, and conditions nested past the rules' depth limit.

export const duration = fc.oneof(
  fc.constantFrom('0s', '30s', '10m', '1h', '2d', '31d', '366d'),
  fc.constantFrom(
    '367d',
    '32d',
    '99999999999999999999d',
    '1e3s',
    '-1m',
    'NaN',
    '1.5h',
    '1 h',
    '1H',
  ),
  hostileText,
  fc.integer(),
);

export const number = fc.oneof(
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 5e-324),
  numberText,
  fc.constant(null),
);

/** Expressions near the 2,000-character limit nest as deep as it allows: parser recursion. */
const expression = fc.oneof(
  fc.constantFrom(
    't',
    't + w',
    'abs(t - 180) < 45',
    'delta(t, 1h) > 3',
    'mean(t, 30m) > 2 and w < 10',
  ),
  fc.constantFrom(...EXPRESSION_INJECTIONS, ...SQL_INJECTIONS),
  fc.constantFrom(
    't / 0 > 1',
    't % 0 > 1',
    'sqrt(-1) > 0',
    '1e400 > t',
    'NaN > t',
    'delta(t, 99999d) > 1',
    'mean(t, -1h) > 1',
    'mean(t, 0s) > 1',
    't > 1 > 2',
    't ==',
    '((t)',
    'abs() > 1',
    'unknown(t) > 1',
    `${'('.repeat(995)}t${')'.repeat(995)} > 1`,
    `${'not '.repeat(495)}t > 1`,
    `${'t + '.repeat(497)}t > 1`,
    `${'-'.repeat(1_990)}t > 1`,
    `${'('.repeat(5_000)}t`,
  ),
  hostileText,
);

const comparison = fc.oneof(
  fc.record(
    { op: fc.constantFrom('above', 'below'), value: number, recovery: number },
    { requiredKeys: ['op', 'value'] },
  ),
  fc.record({ op: fc.constantFrom('between', 'outside'), min: number, max: number }),
  fc.record({ op: hostileText, value: number }),
);

export const inputName = fc.oneof(
  fc.constantFrom('t', 'w', 'x', 'and', 'not', '__proto__', 'constructor'),
  hostileText,
);

export const schedule = fc.record({
  from: fc.oneof(fc.constantFrom('18:00', '06:00', '24:00', '25:61', '-1:00', '6pm'), hostileText),
  to: fc.oneof(fc.constantFrom('06:00', '18:00', '00:00', '99:99'), hostileText),
});

const leafCondition = fc.oneof(
  fc.record({ kind: fc.constant('threshold'), of: expression, compare: comparison }),
  fc.record({
    kind: fc.constant('rateOfChange'),
    input: inputName,
    direction: fc.constantFrom('rise', 'drop', 'up'),
    by: number,
    within: duration,
  }),
  fc.record({
    kind: fc.constant('windowAggregate'),
    input: inputName,
    aggregate: fc.constantFrom('mean', 'min', 'max', 'stddev', 'count', 'sum', 'median'),
    window: duration,
    windowType: fc.constantFrom('sliding', 'tumbling', 'hopping'),
    compare: comparison,
  }),
  fc.record(
    {
      kind: fc.constant('missingData'),
      input: inputName,
      cadence: duration,
      after: duration,
      schedule,
    },
    { requiredKeys: ['kind', 'input', 'cadence'] },
  ),
  fc.record({ kind: fc.constant('expression'), expression }),
  fc.record({ kind: hostileText }),
);

/** Conditions nested up to 12 levels: past the rules' limit of 8 now and then. */
export const { condition } = fc.letrec<{ condition: unknown }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', maxDepth: 12 },
    leafCondition,
    fc.record({
      kind: fc.constantFrom('all', 'any'),
      conditions: fc.array(tie('condition'), { maxLength: 4 }),
    }),
    fc.record({ kind: fc.constant('not'), condition: tie('condition') }),
  ),
}));

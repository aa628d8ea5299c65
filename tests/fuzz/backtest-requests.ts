import fc from 'fast-check';
import { routes } from '../../core/contracts/http';
import type { FuzzRequest } from './fuzz-request';
import { anyBody } from './hostile-bodies';
import { contentType } from './hostile-http';
import { timeText } from './hostile-values';
import { anyRule, VALID_RULE } from './rule-documents';

// POST /api/v1/rules/backtest: rule documents from rule-documents.ts over hostile time
// ranges, conditions nested thousands of levels deep (built as text: JSON.stringify itself
// would overflow), and bodies that are not JSON at all.

/** The body limit of the rules routes (server/http/routes-rules.ts). */
const RULES_BODY_LIMIT = 256 * 1024;

const VALID_RANGE = { from: '2024-01-01T00:00:00Z', to: '2024-01-08T00:00:00Z' };

const range = fc.oneof(
  { weight: 3, arbitrary: fc.constant(VALID_RANGE) },
  { weight: 1, arbitrary: fc.constant({ from: VALID_RANGE.to, to: VALID_RANGE.from }) },
  {
    weight: 1,
    arbitrary: fc.constant({ from: '1900-01-01T00:00:00Z', to: '2200-12-31T23:59:59Z' }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      from: fc.oneof(timeText, fc.integer(), fc.constant(null)),
      to: fc.oneof(timeText, fc.integer(), fc.constant(null)),
    }),
  },
);

const LEAF = '{"kind":"threshold","of":"t","compare":{"op":"above","value":5}}';
const ACTION_HEAD = '{"queue":"jobs.sod","type":"notify","params":{"deep":';

/** A rule whose condition (or action parameters) nests `depth` levels, as JSON text. */
function deepRuleText(depth: number, shape: 'not' | 'all' | 'params'): string {
  const head = JSON.stringify(VALID_RULE).slice(0, -1);
  const range = JSON.stringify(VALID_RANGE).slice(1);
  if (shape === 'params') {
    const params = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    return `{"rule":${head},"actions":[${ACTION_HEAD}${params}}}]},${range}`;
  }
  const open = shape === 'not' ? '{"kind":"not","condition":' : '{"kind":"all","conditions":[';
  const close = shape === 'not' ? '}' : ']}';
  const condition = `${open.repeat(depth)}${LEAF}${close.repeat(depth)}`;
  return `{"rule":${head},"condition":${condition}},${range}`;
}

const deepRule = fc
  .tuple(
    fc.constantFrom(9, 100, 1_000, 5_000, 10_000),
    fc.constantFrom('not' as const, 'all' as const, 'params' as const),
  )
  .map(([depth, shape]): FuzzRequest => {
    const body = Buffer.from(deepRuleText(depth, shape));
    // Conditions past 8 levels are refused by the rule's own checks, anything past 64 levels
    // before parsing (server/rules/rule-guard.ts); parameters 9 deep may well be fine.
    const shallowParams = shape === 'params' && depth < 64;
    const refused = body.length > RULES_BODY_LIMIT ? [413] : shallowParams ? undefined : [400];
    return {
      area: `backtest:deep-${shape}`,
      method: 'POST',
      target: routes.backtest.path,
      headers: { 'Content-Type': 'application/json' },
      body,
      expectStatus: refused,
    };
  });

const ruleRequest = fc
  .record({
    rule: anyRule,
    range,
    type: fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, contentType),
    chunked: fc.boolean(),
  })
  .map(({ rule, range: { from, to }, type, chunked }): FuzzRequest => ({
    area: 'backtest:rule',
    method: 'POST',
    target: routes.backtest.path,
    headers: { 'Content-Type': type },
    body: Buffer.from(JSON.stringify({ rule, from, to })),
    chunked,
  }));

const validBacktest: FuzzRequest = {
  area: 'backtest:valid',
  method: 'POST',
  target: routes.backtest.path,
  headers: { 'Content-Type': 'application/json' },
  body: Buffer.from(JSON.stringify({ rule: VALID_RULE, ...VALID_RANGE })),
  expectStatus: [200],
};

const otherBody = fc.tuple(anyBody, contentType).map(([body, type]): FuzzRequest => ({
  area: 'backtest:body',
  method: 'POST',
  target: routes.backtest.path,
  headers: { 'Content-Type': type },
  body,
}));

export const backtestRequests: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 12, arbitrary: ruleRequest },
  { weight: 2, arbitrary: deepRule },
  { weight: 1, arbitrary: fc.constant(validBacktest) },
  { weight: 3, arbitrary: otherBody },
);

import fc from 'fast-check';
import { routes } from '../../core/contracts/http';
import type { FuzzRequest } from './fuzz-request';
import { anyBody, compression, encodeBody } from './hostile-bodies';
import { contentType, extraHeaders, headerValue, httpMethod } from './hostile-http';
import { hostileText, numberText, PATH_TRICKS, timeText } from './hostile-values';

// Requests to every route of the route table in core/contracts/http.ts, so a route added
// there is fuzzed without touching this file: hostile path parameters, query strings,
// methods, headers and bodies.

interface RouteEntry {
  name: string;
  method: string;
  path: string;
  queryKeys: string[];
}

export const routeTable: RouteEntry[] = Object.entries(routes).map(([name, route]) => ({
  name,
  method: route.method,
  path: route.path,
  queryKeys: 'query' in route ? Object.keys(route.query.shape) : [],
}));

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes as clients do; lone surrogates, which UTF-8 cannot carry, become U+FFFD. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
}

/**
 * Long enough to reach every length check of the routes, short enough to stay under Node's
 * 16 KiB header limit: past it, Node answers 431 and none of the server's code runs.
 */
const encodeShortened = (text: string) => percentEncode(text.slice(0, 500));

/** What Node sends raw in a target: printable ASCII and latin1, without `?` and `#`. */
const rawTargetText = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
    .filter((code) => code !== 0x3f && code !== 0x23)
    .map((code) => String.fromCharCode(code)),
  maxLength: 60,
});

const pathParameter = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(hostileText, timeText).map(encodeShortened) },
  { weight: 3, arbitrary: fc.constantFrom(...PATH_TRICKS) },
  { weight: 2, arbitrary: rawTargetText },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'sattelberg.aws.air_temperature',
      'nowhere.x.y',
      'fuzz-warm@2017-06-01T06:00:00.000Z/0-notify',
      'x'.repeat(15_000),
    ),
  },
);

const queryValue = fc.oneof(
  fc.oneof(timeText, numberText).map(encodeShortened),
  fc.constantFrom(...PATH_TRICKS),
  rawTargetText,
);

function queryPairs(route: RouteEntry): fc.Arbitrary<string> {
  const knownKey = fc.constantFrom(...route.queryKeys, 'limit', 'from', 'to');
  const key = fc.oneof(
    { weight: 4, arbitrary: knownKey },
    { weight: 1, arbitrary: hostileText.map(encodeShortened) },
    { weight: 1, arbitrary: knownKey.map((name) => `${name}[]`) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'from[a][b]', '&&', '=') },
  );
  return fc
    .array(fc.tuple(key, fc.option(queryValue, { nil: undefined })), { maxLength: 5 })
    .map((pairs) =>
      pairs.map(([name, value]) => (value === undefined ? name : `${name}=${value}`)).join('&'),
    );
}

/** The route's path with every `:param` filled, sometimes bent (case, slashes, suffix). */
function targetOf(route: RouteEntry): fc.Arbitrary<string> {
  const names = route.path.match(/:[a-zA-Z]+/g) ?? [];
  return fc
    .tuple(
      fc.array(pathParameter, { minLength: names.length, maxLength: names.length }),
      queryPairs(route),
      fc.constantFrom('as is', 'upper case', 'trailing slash', 'double slashes', 'dot segment'),
    )
    .map(([values, query, bend]) => {
      let i = 0;
      let path = route.path.replace(/:[a-zA-Z]+/g, () => values[i++] ?? '');
      // ASCII only: `ÿ`.toUpperCase() is `Ÿ`, which no client can send raw.
      if (bend === 'upper case') path = path.replace(/[a-z]+/g, (word) => word.toUpperCase());
      if (bend === 'trailing slash') path += '/';
      if (bend === 'double slashes') path = path.replace(/\//g, '//');
      if (bend === 'dot segment') path = path.replace('/api/', '/api/x/../');
      return query === '' ? path : `${path}?${query}`;
    });
}

function requestFor(route: RouteEntry): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      method: fc.oneof({ weight: 3, arbitrary: fc.constant(route.method) }, httpMethod),
      target: targetOf(route),
      contentType: fc.option(contentType, { nil: undefined }),
      authorization: fc.option(
        headerValue.map((value) => `Bearer ${value}`),
        { nil: undefined },
      ),
      headers: extraHeaders,
      body: route.method === 'GET' ? fc.option(anyBody, { nil: undefined, freq: 4 }) : anyBody,
      encoding: compression,
      chunked: fc.boolean(),
    })
    .map(
      ({ method, target, contentType: type, authorization, headers, body, encoding, chunked }) => {
        const allHeaders: Record<string, string> = { ...headers };
        if (type !== undefined) allHeaders['Content-Type'] = type;
        if (authorization !== undefined) allHeaders['Authorization'] = authorization;
        let sent = body;
        if (sent !== undefined && encoding !== 'none') {
          sent = encodeBody(sent, encoding);
          allHeaders['Content-Encoding'] = encoding === 'deflate' ? 'deflate' : 'gzip';
        }
        return {
          area: `route:${route.name}`,
          method,
          target,
          headers: allHeaders,
          body: sent,
          chunked,
        };
      },
    );
}

/** Requests to any route of the route table, each route about equally often. */
export const routeRequests: fc.Arbitrary<FuzzRequest> = fc.oneof(...routeTable.map(requestFor));

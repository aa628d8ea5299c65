import { z } from 'zod';
import { routes } from '../../core/contracts/http';

/** OpenAPI 3.1 document derived from the route table, so it cannot drift from the code. */
export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes)) {
    const path = route.path.replace(/:([a-zA-Z]+)/g, '{$1}');
    const operation: Record<string, unknown> = { operationId: name, responses: {} };
    // Who may call it (docs/security.md): the weakest role, signed in by the session cookie.
    operation['x-firn-role'] = route.role;
    if (route.role !== 'public' && route.role !== 'station-token') {
      operation.security = [{ sessionCookie: [] }];
    }
    if ('response' in route) {
      operation.responses = {
        '200': {
          description: 'OK',
          content: { 'application/json': { schema: z.toJSONSchema(route.response) } },
        },
      };
    }
    if ('body' in route) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input' }) } },
      };
    }
    if ('query' in route) {
      const shape = route.query.shape as Record<string, z.ZodType>;
      operation.parameters = Object.keys(shape).map((param) => ({
        name: param,
        in: 'query',
        required: false,
      }));
    }
    const pathParams = [...route.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] as string);
    if (pathParams.length > 0) {
      operation.parameters = [
        ...pathParams.map((name) => ({
          name,
          in: 'path',
          required: true,
          schema: { type: 'string' },
        })),
        ...((operation.parameters as unknown[]) ?? []),
      ];
    }
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation };
  }
  const ingest = paths['/api/v1/observations']?.post as Record<string, unknown>;
  ingest.security = [{ ingestToken: [] }];
  ingest.requestBody = {
    content: { 'application/json': {}, 'application/x-ndjson': {}, 'text/csv': {} },
  };
  // Reports and the operations audit also come as files: CSV to download, HTML to print.
  for (const [reportPath, type] of [
    ['/api/v1/reports/{id}/csv', 'text/csv'],
    ['/api/v1/reports/{id}/html', 'text/html'],
    ['/api/v1/operations/audit.csv', 'text/csv'],
  ] as const) {
    const get = paths[reportPath]?.get as Record<string, unknown> | undefined;
    if (get) {
      const content = { [type]: { schema: { type: 'string' } } };
      get.responses = { '200': { description: 'OK', content } };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Firn', version },
    components: {
      securitySchemes: {
        ingestToken: { type: 'http', scheme: 'bearer' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'firn_session' },
      },
    },
    paths,
  };
}

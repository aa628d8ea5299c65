import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routePath } from '../../core/contracts/http';
import { backends } from '../support/backends';
import { startTestStation, type TestStation } from '../support/server';

// Found by the fuzz suite: rule documents nested thousands of levels deep overflowed the
// parser's stack, and a NUL in any text or field name could not be stored (500 both).
// Now both are refused with 400 before parsing (server/rules/rule-guard.ts).

const LEAF = '{"kind":"threshold","of":"t","compare":{"op":"above","value":5}}';
const DEEP = `${'{"kind":"not","condition":'.repeat(5_000)}${LEAF}${'}'.repeat(5_000)}`;

function ruleText(condition: string, name = 'Warm at the crest'): string {
  const head = { id: 'fuzz-warm', name, owner: 'local' };
  const scope = '"scope":{"t":"sattelberg.aws.air_temperature"}';
  return `${JSON.stringify(head).slice(0, -1)},${scope},"condition":${condition}}`;
}

describe('rules CRUD refuses rule documents that cannot be parsed or stored', () => {
  let station: TestStation;
  const send = (method: string, path: string, body: string) =>
    fetch(`${station.server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body,
    });

  beforeAll(async () => {
    station = await startTestStation(backends[0]!);
    expect((await send('POST', routePath('createRule'), ruleText(LEAF))).status).toBe(201);
  });
  afterAll(() => station.close());

  it.each([
    ['create, nested 5,000 deep', 'POST', routePath('createRule'), ruleText(DEEP)],
    ['update, nested 5,000 deep', 'PUT', routePath('rule', { id: 'fuzz-warm' }), ruleText(DEEP)],
    ['create, NUL in the name', 'POST', routePath('createRule'), ruleText(LEAF, 'a\u0000b')],
  ])('%s: 400 with a message, not 500', async (_label, method, path, body) => {
    const answer = await send(method, path, body);
    expect(answer.status).toBe(400);
    expect((await answer.json()).error.message).toMatch(/^rule: /);
  });
});

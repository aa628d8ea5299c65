import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { southFoehnRuleInput } from '../../core/rules/examples/south-foehn';
import { upsertAlerts } from '../../infra/rules/alert-store';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';

const alert = {
  id: 'south-foehn-wipp@2017-03-01T10:00:00.000Z',
  ruleId: 'south-foehn-wipp',
  severity: 'warning' as const,
  status: 'firing' as const,
  startMs: Date.UTC(2017, 2, 1, 10),
  firingMs: Date.UTC(2017, 2, 1, 10, 30),
  resolvedMs: null,
  flapping: false,
  backfill: false,
  acknowledged: null,
  shelvedUntilMs: null,
  values: { wind: 12.5, dir: 180, t: 14.1, rh: 30 },
};

describe.each(backends)('rules and alerts API on $name', (backend) => {
  let station: TestStation;
  const call = (method: string, path: string, body?: unknown, user = 'anna') =>
    fetch(`${station.server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Firn-User': user },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    station = await startTestStation(backend);
  });
  afterAll(() => station.close());

  it('creates, reads, changes and deletes a rule, keeping every version', async () => {
    const { owner: _owner, ...document } = southFoehnRuleInput;
    const created = await call('POST', '/api/v1/rules', document);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      id: 'south-foehn-wipp',
      owner: 'anna',
      version: 1,
    });
    expect((await call('POST', '/api/v1/rules', document)).status).toBe(409);

    const disabled = await call('PUT', '/api/v1/rules/south-foehn-wipp', {
      ...document,
      enabled: false,
    });
    expect(await disabled.json()).toMatchObject({ version: 2, enabled: false });
    const renamed = await call('PUT', '/api/v1/rules/south-foehn-wipp', {
      ...document,
      name: 'Foehn',
    });
    expect(await renamed.json()).toMatchObject({ version: 3, enabled: true });

    const versions = await (await call('GET', '/api/v1/rules/south-foehn-wipp/versions')).json();
    expect(versions.versions.map((v: { change: string }) => v.change)).toEqual([
      'updated',
      'disabled',
      'created',
    ]);
    expect((await call('DELETE', '/api/v1/rules/south-foehn-wipp')).status).toBe(204);
    expect((await call('GET', '/api/v1/rules/south-foehn-wipp')).status).toBe(404);
  });

  it('refuses a rule with a bad expression, pointing at the position', async () => {
    const rule = {
      id: 'bad-expression',
      name: 'bad',
      scope: { t: 'sattelberg.aws.air_temperature' },
      condition: { kind: 'expression', expression: 't > > 3' },
    };
    const answer = await call('POST', '/api/v1/rules', rule);
    expect(answer.status).toBe(400);
    const { error } = await answer.json();
    expect(error.message).toMatch(/condition/);
    expect(error.message).toMatch(/position|column|at \d/i);
  });

  it('shows private rules to their owner only', async () => {
    const rule = {
      id: 'private-cold',
      name: 'Cold',
      visibility: 'private',
      scope: { t: 'sattelberg.aws.air_temperature' },
      condition: { kind: 'threshold', of: 't', compare: { op: 'below', value: -20 } },
    };
    expect((await call('POST', '/api/v1/rules', rule, 'ben')).status).toBe(201);
    const ids = async (user: string) =>
      (
        (await (await call('GET', '/api/v1/rules', undefined, user)).json()).rules as {
          id: string;
        }[]
      ).map((r) => r.id);
    expect(await ids('ben')).toContain('private-cold');
    expect(await ids('anna')).not.toContain('private-cold');
    expect((await call('GET', '/api/v1/rules/private-cold', undefined, 'anna')).status).toBe(404);
  });

  it('acknowledges and shelves an alert, and lists open alerts', async () => {
    await upsertAlerts(station.db, [alert]);
    const path = `/api/v1/alerts/${encodeURIComponent(alert.id)}`;
    const acked = await call('POST', `${path}/acknowledge`, { comment: 'on it' });
    expect(await acked.json()).toMatchObject({ acknowledged: { by: 'anna', comment: 'on it' } });
    const shelved = await (await call('POST', `${path}/shelve`, { for: '2h' })).json();
    expect(shelved.shelvedUntilMs).toBeGreaterThan(Date.now() + 7_000_000);
    expect((await call('POST', `${path}/shelve`, { for: 'soon' })).status).toBe(400);
    expect((await call('POST', `${path}/acknowledge`, {})).status).toBe(400);
    const open = await (await call('GET', '/api/v1/alerts?open=true')).json();
    expect(open.alerts).toEqual([expect.objectContaining({ id: alert.id, status: 'firing' })]);
    const detail = await (await call('GET', path)).json();
    expect(detail.alert.acknowledged.comment).toBe('on it');
    expect((await call('GET', '/api/v1/alerts/nope')).status).toBe(404);
  });

  it('keeps each user’s notification preferences, checked', async () => {
    const path = '/api/v1/users/anna/preferences';
    expect(await (await call('GET', path)).json()).toMatchObject({
      channels: [],
      minSeverity: 'info',
    });
    const preferences = {
      channels: [{ kind: 'email', to: ['anna@example.org'] }],
      minSeverity: 'warning',
      quietHours: { from: '22:00', to: '06:00', timeZone: 'Europe/Vienna' },
    };
    expect((await call('PUT', path, preferences)).status).toBe(200);
    expect(await (await call('GET', path)).json()).toMatchObject(preferences);
    expect(
      (
        await call('PUT', path, {
          ...preferences,
          quietHours: { from: '22:00', to: '06:00', timeZone: 'Mars/Olympus' },
        })
      ).status,
    ).toBe(400);
    expect((await call('PUT', path, preferences, 'ben')).status).toBe(403);
  });

  it('documents the rules and alerts routes in the OpenAPI file', async () => {
    const openapi = await (await fetch(`${station.server.url}/api/openapi.json`)).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/rules',
        '/api/v1/rules/{id}',
        '/api/v1/alerts/{id}/shelve',
        '/api/v1/users/{name}/preferences',
      ]),
    );
    expect(openapi.paths['/api/v1/rules/{id}']).toHaveProperty('put');
  });
});

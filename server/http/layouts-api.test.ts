import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LAYOUTS_PER_USER } from '../layouts/layout-repository';
import { backends } from '../../tests/support/backends';
import { startTestStation, type TestStation } from '../../tests/support/server';

const desk = {
  panels: [
    { keys: ['sattelberg.aws.air_temperature', 'ellboegen.aws.air_temperature'] },
    { keys: ['sattelberg.aws.wind_speed'] },
  ],
  preset: '24h',
};

describe.each(backends)('live layouts per user over HTTP on $name', (backend) => {
  let station: TestStation;
  const call = (method: string, path: string, user: string, body?: unknown) =>
    fetch(`${station.server.url}/api/v1/users/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Firn-User': user },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    station = await startTestStation(backend);
  });
  afterAll(() => station?.close());

  it('saves, lists, replaces and deletes a layout under a name of your own', async () => {
    const saved = await call('PUT', 'sara/layouts/Foehn%20desk', 'sara', desk);
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(await saved.json()).toMatchObject({ name: 'Foehn desk', layout: desk });
    const campaign = { panels: [{ keys: [] }], preset: '7d' };
    expect((await call('PUT', 'sara/layouts/campaign', 'sara', campaign)).status).toBe(200);

    const list = await (await call('GET', 'sara/layouts', 'sara')).json();
    expect(list.layouts.map((l: { name: string }) => l.name)).toEqual(['Foehn desk', 'campaign']);
    expect(list.layouts[0].layout).toEqual(desk);

    const narrower = { ...desk, panels: desk.panels.slice(1), preset: '1h' };
    await call('PUT', 'sara/layouts/Foehn%20desk', 'sara', narrower);
    const after = await (await call('GET', 'sara/layouts', 'sara')).json();
    expect(after.layouts[0].layout).toEqual(narrower);

    expect((await call('DELETE', 'sara/layouts/campaign', 'sara')).status).toBe(204);
    const gone = await call('DELETE', 'sara/layouts/campaign', 'sara');
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.message).toContain('campaign');
    expect((await (await call('GET', 'otto/layouts', 'otto')).json()).layouts).toEqual([]);
  });

  it("refuses another user's layouts, and layouts that do not fit, saying why", async () => {
    const foreign = await call('PUT', 'sara/layouts/mine', 'otto', desk);
    expect(foreign.status).toBe(403);
    expect((await call('GET', 'sara/layouts', 'otto')).status).toBe(403);

    const refusals: [string, unknown, string][] = [
      ['x', { ...desk, panels: Array(5).fill({ keys: [] }) }, 'panels'],
      ['x', { ...desk, panels: [{ keys: ['not a key'] }] }, 'datastream key'],
      ['x', { ...desk, preset: '2h' }, 'preset'],
      ['%20lead', desk, 'layout name'],
      ['a'.repeat(61), desk, 'layout name'],
    ];
    for (const [name, body, reason] of refusals) {
      const res = await call('PUT', `sara/layouts/${name}`, 'sara', body);
      expect(res.status, name).toBe(400);
      expect((await res.json()).error.message).toContain(reason);
    }
  });

  it(`keeps at most ${MAX_LAYOUTS_PER_USER} layouts a user, and replacing one still works then`, async () => {
    for (let i = 0; i < MAX_LAYOUTS_PER_USER; i++) {
      expect((await call('PUT', `vera/layouts/l${i}`, 'vera', desk)).status).toBe(200);
    }
    const over = await call('PUT', 'vera/layouts/one-more', 'vera', desk);
    expect(over.status).toBe(409);
    expect((await over.json()).error.message).toContain('delete one first');
    expect((await call('PUT', 'vera/layouts/l0', 'vera', { ...desk, preset: '7d' })).status).toBe(
      200,
    );
  });
});

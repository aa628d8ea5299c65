// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatastreamSummary } from '../../../core/contracts/http';
import { latestTimeOf, resetCatalog, useCatalog } from './catalog';

const airTemperature: DatastreamSummary = {
  key: 'sattelberg.aws.air_temperature',
  station: 'sattelberg',
  instrument: 'aws',
  variable: 'air_temperature',
  unit: 'degC',
  cadenceSeconds: 600,
  description: 'Air temperature',
  lastTime: '2019-06-30T23:50:00.000Z',
  lastValue: 4.2,
  count: 10,
};
const station = {
  id: 'sattelberg',
  name: 'Sattelberg',
  latitude: 47,
  longitude: 11.5,
  altitude: 2107,
};

function respond(routes: Record<string, unknown>, status = 200) {
  return vi.fn(async (url: string) => {
    const body = routes[url];
    return new Response(JSON.stringify(body ?? { error: { code: 'not_found', message: 'nope' } }), {
      status: body === undefined ? 404 : status,
    });
  });
}

describe('catalog store', () => {
  beforeEach(() => resetCatalog());
  afterEach(() => vi.unstubAllGlobals());

  it('loads stations and datastreams, validated by the contract schemas', async () => {
    vi.stubGlobal(
      'fetch',
      respond({
        '/api/v1/stations': { stations: [station] },
        '/api/v1/datastreams': { datastreams: [airTemperature] },
      }),
    );
    await useCatalog.getState().load();
    expect(useCatalog.getState()).toMatchObject({
      status: 'ready',
      stations: [station],
      datastreams: [airTemperature],
    });
  });

  it('reports a response that does not match the contract', async () => {
    vi.stubGlobal(
      'fetch',
      respond({ '/api/v1/stations': { stations: [station] }, '/api/v1/datastreams': { nope: 1 } }),
    );
    await useCatalog.getState().load();
    expect(useCatalog.getState().status).toBe('error');
    expect(useCatalog.getState().error).toMatch(/unexpected response from \/api\/v1\/datastreams/);
  });

  it('reports the server error message', async () => {
    vi.stubGlobal('fetch', respond({}));
    await useCatalog.getState().load();
    expect(useCatalog.getState()).toMatchObject({ status: 'error', error: 'nope' });
  });

  it('folds newer live values into lastTime/lastValue, ignores older ones', () => {
    useCatalog.setState({ datastreams: [airTemperature] });
    const newer = Date.parse('2024-01-01T00:00:00Z');
    useCatalog.getState().applyLatest(new Map([[airTemperature.key, { t: newer, v: -3 }]]));
    expect(useCatalog.getState().datastreams[0]).toMatchObject({
      lastTime: '2024-01-01T00:00:00.000Z',
      lastValue: -3,
    });

    const before = useCatalog.getState().datastreams;
    useCatalog.getState().applyLatest(new Map([[airTemperature.key, { t: 0, v: 99 }]]));
    expect(useCatalog.getState().datastreams).toBe(before);
  });

  it('finds the newest lastTime', () => {
    const none = { ...airTemperature, lastTime: null };
    expect(latestTimeOf([none])).toBeNull();
    expect(latestTimeOf([none, airTemperature])).toBe(Date.parse('2019-06-30T23:50:00Z'));
  });
});

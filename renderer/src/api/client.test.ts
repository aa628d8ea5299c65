import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, getJson, onUnauthorized, sendJson } from './client';
import { USER_STORAGE_KEY, readUserName } from './user';

function answer(status: number, body: unknown) {
  return vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status })));
}

describe('the API client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('names the user on every request, "local" by default', async () => {
    const fetchMock = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetchMock);
    await getJson('/api/x', z.object({ ok: z.boolean() }));
    localStorage.setItem(USER_STORAGE_KEY, 'clara');
    await sendJson('POST', '/api/y', { a: 1 }, null);
    const headers = fetchMock.mock.calls.map(
      (call) => (call as unknown as [string, RequestInit])[1].headers as Record<string, string>,
    );
    expect(headers[0]?.['X-Firn-User']).toBe('local');
    expect(headers[1]).toMatchObject({
      'X-Firn-User': 'clara',
      'content-type': 'application/json',
    });
  });

  it('ignores a stored name the server would refuse', () => {
    localStorage.setItem(USER_STORAGE_KEY, 'no spaces allowed');
    expect(readUserName()).toBe('local');
  });

  it("throws the server's message on an error answer", async () => {
    const message = 'rule: ✖ a rule needs at least one input\n  → at scope';
    vi.stubGlobal('fetch', answer(400, { error: { code: 'bad_request', message } }));
    const call = sendJson('PUT', '/api/v1/rules/x', {}, null);
    await expect(call).rejects.toBeInstanceOf(ApiError);
    await expect(call).rejects.toMatchObject({ status: 400, message, code: 'bad_request' });
  });

  it('tells its listeners of every 401, from reads and writes, until they unsubscribe', async () => {
    const heard = vi.fn();
    const stop = onUnauthorized(heard);
    vi.stubGlobal('fetch', answer(401, { error: { code: 'unauthorized', message: 'sign in' } }));
    await expect(getJson('/api/x', z.unknown())).rejects.toMatchObject({ status: 401 });
    await expect(sendJson('POST', '/api/y', {}, null)).rejects.toMatchObject({ status: 401 });
    vi.stubGlobal('fetch', answer(403, { error: { code: 'forbidden', message: 'no' } }));
    await expect(sendJson('POST', '/api/y', {}, null)).rejects.toMatchObject({ status: 403 });
    expect(heard).toHaveBeenCalledTimes(2);
    stop();
    vi.stubGlobal('fetch', answer(401, {}));
    await expect(getJson('/api/x', z.unknown())).rejects.toBeInstanceOf(ApiError);
    expect(heard).toHaveBeenCalledTimes(2);
  });
});

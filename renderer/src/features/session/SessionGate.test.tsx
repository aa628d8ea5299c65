// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getJson } from '../../api/client';
import { resetConnection, useConnection } from '../../state/connection';
import { SessionGate } from './SessionGate';
import { useSession } from './sessionStore';

/** A server in required mode whose session ends when `expired` is set. */
function server() {
  const state = { expired: false };
  const json = (status: number, body: unknown) =>
    Promise.resolve(new Response(JSON.stringify(body), { status }));
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const path = String(input);
    if (path === '/api/v1/session') {
      return json(200, {
        mode: 'required',
        user: state.expired ? null : { name: 'olga', role: 'operator' },
      });
    }
    if (state.expired) {
      return json(401, { error: { code: 'unauthorized', message: 'sign in first' } });
    }
    return json(200, { rules: [] });
  });
  return { state, fetchMock };
}

/** A page that asks the server for something, as every page of the control room does. */
function Page() {
  return (
    <button
      type="button"
      data-testid="ask"
      onClick={() => void getJson('/api/v1/rules', z.unknown()).catch(() => undefined)}
    >
      ask
    </button>
  );
}

describe('SessionGate', () => {
  beforeEach(() => {
    useSession.setState({ status: 'loading', mode: null, user: null, signInError: null });
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the sign-in screen as soon as a request answers 401, without a reload', async () => {
    const { state, fetchMock } = server();
    vi.stubGlobal('fetch', fetchMock);
    render(
      <SessionGate>
        <Page />
      </SessionGate>,
    );
    (await screen.findByTestId('ask')).click();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/v1/rules', expect.anything()));
    expect(screen.queryByTestId('sign-in-screen')).toBeNull();

    state.expired = true;
    screen.getByTestId('ask').click();
    await screen.findByTestId('sign-in-screen');
    expect(screen.queryByTestId('ask')).toBeNull();
    expect(screen.getByTestId('sign-in-error').textContent).toContain('session ended');
  });

  it('asks who we are when the live socket drops, and signs out an ended session', async () => {
    const { state, fetchMock } = server();
    vi.stubGlobal('fetch', fetchMock);
    resetConnection();
    render(
      <SessionGate>
        <Page />
      </SessionGate>,
    );
    await screen.findByTestId('ask');
    useConnection.getState().setLive('open');
    state.expired = true;
    useConnection.getState().setLive('reconnecting', 1, Date.now() + 1000);
    await screen.findByTestId('sign-in-screen');
  });

  it('leaves a local desk alone on a 401 (nobody to sign in)', async () => {
    const { fetchMock } = server();
    fetchMock.mockImplementation((input: RequestInfo | URL) =>
      Promise.resolve(
        String(input) === '/api/v1/session'
          ? new Response(JSON.stringify({ mode: 'local', user: { name: 'local', role: 'admin' } }))
          : new Response('{}', { status: 401 }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(
      <SessionGate>
        <Page />
      </SessionGate>,
    );
    (await screen.findByTestId('ask')).click();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId('ask')).toBeTruthy();
    expect(screen.queryByTestId('sign-in-screen')).toBeNull();
  });
});

// @vitest-environment jsdom
import { cleanup, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useUser } from '../../state/user';
import { useSession } from '../session/sessionStore';
import { useActingUser } from '../session/actingUser';
import { UserName } from './UserName';

describe('the user of the Settings page', () => {
  afterEach(() => {
    cleanup();
    useSession.setState({ mode: null, user: null });
    useUser.setState({ name: 'local' });
  });

  it('offers "act as user" on a local desk, where the name is only a label', () => {
    useSession.setState({ mode: 'local', user: { name: 'local', role: 'admin' } });
    useUser.setState({ name: 'clara' });
    render(<UserName />);
    expect(screen.getByTestId('user-name')).toBeTruthy();
    expect(screen.getByTestId('user-current').textContent).toBe('now: clara');
    expect(renderHook(() => useActingUser()).result.current).toBe('clara');
  });

  it('shows who is signed in instead when sessions are required, and acts as that user', () => {
    useSession.setState({ mode: 'required', user: { name: 'olga', role: 'operator' } });
    useUser.setState({ name: 'clara' });
    render(<UserName />);
    expect(screen.queryByTestId('user-form')).toBeNull();
    expect(screen.queryByTestId('user-name')).toBeNull();
    expect(screen.getByTestId('user-signed-in').textContent).toContain('olga');
    expect(screen.getByTestId('user-signed-in').textContent).toContain('operator');
    // The preferences shown and saved are the signed-in user's, not a name left in storage.
    expect(renderHook(() => useActingUser()).result.current).toBe('olga');
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionBadge } from './SessionBadge';
import { useSession } from './sessionStore';

describe('SessionBadge', () => {
  afterEach(() => {
    cleanup();
    useSession.setState({ mode: null, user: null });
  });

  it('shows the user and role in words, with sign-out only when sessions are required', () => {
    useSession.setState({ mode: 'required', user: { name: 'ola', role: 'operator' } });
    const { rerender } = render(<SessionBadge />);
    expect(screen.getByTestId('session-user').textContent).toBe('ola');
    expect(screen.getByTestId('session-role').textContent).toBe('operator');
    expect(screen.getByTestId('sign-out')).toBeTruthy();
    useSession.setState({ mode: 'local', user: { name: 'local', role: 'admin' } });
    rerender(<SessionBadge />);
    expect(screen.queryByTestId('sign-out')).toBeNull();
  });

  it('shows nothing while nobody is signed in', () => {
    useSession.setState({ mode: 'required', user: null });
    const { container } = render(<SessionBadge />);
    expect(container.textContent).toBe('');
  });
});

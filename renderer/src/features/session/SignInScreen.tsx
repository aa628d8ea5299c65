import { useState } from 'react';
import { ErrorNote } from '../../shell/PageState';
import { ThemeToggle } from '../../shell/ThemeToggle';
import { useSession } from './sessionStore';
import './session.css';

/** Shown instead of the control room when the server requires a session and there is none. */
export function SignInScreen() {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { signingIn, signInError } = useSession();
  return (
    <main className="sign-in" data-testid="sign-in-screen">
      <form
        className="sign-in-card"
        onSubmit={(e) => {
          e.preventDefault();
          void useSession
            .getState()
            .signIn(name.trim(), password)
            .then((ok) => {
              if (ok) setPassword('');
            });
        }}
      >
        <div className="sign-in-head">
          <h1 className="page-title">
            <span aria-hidden="true">▲</span> Firn control room
          </h1>
          <ThemeToggle />
        </div>
        <p className="muted">This station asks you to sign in.</p>
        <label>
          User name
          <input
            className="input"
            autoComplete="username"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="sign-in-name"
            required
          />
        </label>
        <label>
          Password
          <input
            className="input"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="sign-in-password"
            required
          />
        </label>
        <ErrorNote message={signInError} testId="sign-in-error" />
        <button
          type="submit"
          className="button"
          disabled={signingIn || name.trim() === '' || password === ''}
          data-testid="sign-in-submit"
        >
          {signingIn ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

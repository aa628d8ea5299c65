import { useState } from 'react';
import { useUser } from '../../state/user';
import { useSession } from '../session/sessionStore';

/**
 * Who the settings are for. With sessions required, the signed-in user (to be someone
 * else, sign out); on a local desk, the name the app acts as, which anyone may change.
 */
export function UserName() {
  const mode = useSession((s) => s.mode);
  const user = useSession((s) => s.user);
  if (mode === 'required' && user !== null) {
    return (
      <p className="muted" data-testid="user-signed-in">
        Signed in as <strong>{user.name}</strong> ({user.role})
      </p>
    );
  }
  return <ActAsUser />;
}

/** The user the app acts as on a local desk: kept in this browser, sent on every request. */
function ActAsUser() {
  const name = useUser((s) => s.name);
  const [text, setText] = useState(name);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="inline-form"
      data-testid="user-form"
      onSubmit={(e) => {
        e.preventDefault();
        const ok = useUser.getState().setName(text);
        setError(ok ? null : 'a user name is letters, digits and . _ @ - (at most 200)');
      }}
    >
      <label>
        Act as user
        <input
          className="input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="user-name"
        />
      </label>
      <button type="submit" className="button" data-testid="user-save">
        Use this name
      </button>
      <span className="muted" data-testid="user-current">
        now: {name}
      </span>
      {error && (
        <span className="inline-error" role="alert" data-testid="user-error">
          {error}
        </span>
      )}
    </form>
  );
}

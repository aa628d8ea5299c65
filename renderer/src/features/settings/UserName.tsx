import { useState } from 'react';
import { useUser } from '../../state/user';

/** The user the app acts as (no sign-in yet): kept in this browser, sent on every request. */
export function UserName() {
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

import { useSession } from './sessionStore';
import './session.css';

/** The header's who-am-I: user and role in words, and signing out when sessions are required. */
export function SessionBadge() {
  const { user, mode } = useSession();
  if (!user) return null;
  return (
    <div className="session-badge" data-testid="session-badge" title={`Signed in as ${user.name}`}>
      <span className="session-user" data-testid="session-user">
        {user.name}
      </span>
      <span className="session-role" data-testid="session-role" data-role={user.role}>
        {user.role}
      </span>
      {mode === 'required' && (
        <button
          type="button"
          className="button"
          onClick={() => void useSession.getState().signOut()}
          data-testid="sign-out"
        >
          Sign out
        </button>
      )}
    </div>
  );
}

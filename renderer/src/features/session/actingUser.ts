import { useUser } from '../../state/user';
import { useSession, type SessionState } from './sessionStore';

/**
 * The user whose settings apply: the signed-in one when sessions are required (the
 * server ignores X-Firn-User then), the name chosen in this browser on a local desk.
 */
function pick(session: Pick<SessionState, 'mode' | 'user'>, localName: string): string {
  return session.mode === 'required' && session.user !== null ? session.user.name : localName;
}

export function actingUserName(): string {
  return pick(useSession.getState(), useUser.getState().name);
}

export function useActingUser(): string {
  const localName = useUser((s) => s.name);
  const mode = useSession((s) => s.mode);
  const user = useSession((s) => s.user);
  return pick({ mode, user }, localName);
}

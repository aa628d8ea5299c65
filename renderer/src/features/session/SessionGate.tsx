import { useEffect, type ReactNode } from 'react';
import { onUnauthorized } from '../../api/client';
import { Loading } from '../../shell/PageState';
import { useConnection } from '../../state/connection';
import { useUser } from '../../state/user';
import { useSession } from './sessionStore';
import { SignInScreen } from './SignInScreen';

/**
 * Asks the server who we are before the control room starts (its live socket and polls
 * need a session in required mode). Required mode without a session: the sign-in screen.
 * A session that ends later (any request answered 401) brings the sign-in screen back.
 * Local mode: the control room as always. If the question fails, the control room starts
 * anyway and shows the server's state itself: the server decides every request regardless.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const localUser = useUser((s) => s.name);
  const { status, mode, user } = useSession();
  // Any request answered 401 means the session ended: the sign-in screen at once.
  useEffect(() => onUnauthorized(() => useSession.getState().lost()), []);
  // The live socket drops when the session ends, and the Live page may ask nothing else
  // for a while: ask who we are whenever it starts reconnecting.
  useEffect(
    () =>
      useConnection.subscribe((now, before) => {
        const dropped = now.live === 'reconnecting' && before.live !== 'reconnecting';
        if (dropped && useSession.getState().mode === 'required') void useSession.getState().load();
      }),
    [],
  );
  useEffect(() => {
    // In local mode the Settings user switch changes who we act as: ask again.
    void useSession.getState().load();
  }, [localUser]);
  if (status === 'loading' && mode === null)
    return <Loading what="session" testId="session-loading" />;
  if (mode === 'required' && user === null) return <SignInScreen />;
  return <>{children}</>;
}

import { useEffect, type ReactNode } from 'react';
import { Loading } from '../../shell/PageState';
import { useUser } from '../../state/user';
import { useSession } from './sessionStore';
import { SignInScreen } from './SignInScreen';

/**
 * Asks the server who we are before the control room starts (its live socket and polls
 * need a session in required mode). Required mode without a session: the sign-in screen.
 * Local mode: the control room as always. If the question fails, the control room starts
 * anyway and shows the server's state itself: the server decides every request regardless.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const localUser = useUser((s) => s.name);
  const { status, mode, user } = useSession();
  useEffect(() => {
    // In local mode the Settings user switch changes who we act as: ask again.
    void useSession.getState().load();
  }, [localUser]);
  if (status === 'loading' && mode === null)
    return <Loading what="session" testId="session-loading" />;
  if (mode === 'required' && user === null) return <SignInScreen />;
  return <>{children}</>;
}

import { create } from 'zustand';
import type { Role } from '../../../../core/auth/roles';
import {
  sessionResponseSchema,
  sessionUserSchema,
  type AuthMode,
  type SessionUser,
} from '../../../../core/auth/session';
import { routePath } from '../../../../core/contracts/http';
import { errorMessage, getJson, sendJson } from '../../api/client';

export interface SessionState {
  status: 'loading' | 'ready' | 'error';
  /** `required`: the server wants a signed-in session; `local`: the desk acts without one. */
  mode: AuthMode | null;
  /** Who requests act as; null when signed out in required mode. The cookie itself stays HttpOnly. */
  user: SessionUser | null;
  loadError: string | null;
  signInError: string | null;
  signingIn: boolean;
  load(): Promise<void>;
  signIn(name: string, password: string): Promise<boolean>;
  signOut(): Promise<void>;
  /** A request answered 401: the session ended (expired, revoked); show the sign-in screen. */
  lost(): void;
}

export const useSession = create<SessionState>()((set, get) => ({
  status: 'loading',
  mode: null,
  user: null,
  loadError: null,
  signInError: null,
  signingIn: false,
  async load() {
    try {
      const answer = await getJson(routePath('session'), sessionResponseSchema);
      set({ status: 'ready', mode: answer.mode, user: answer.user, loadError: null });
    } catch (error) {
      set({ status: 'error', loadError: errorMessage(error) });
    }
  },
  async signIn(name, password) {
    set({ signingIn: true, signInError: null });
    try {
      const user = await sendJson(
        'POST',
        routePath('signIn'),
        { name, password },
        sessionUserSchema,
      );
      set({ user, signingIn: false, mode: get().mode ?? 'required' });
      return true;
    } catch (error) {
      set({ signingIn: false, signInError: errorMessage(error) });
      return false;
    }
  },
  async signOut() {
    try {
      await sendJson('DELETE', routePath('signOut'), undefined, null);
    } finally {
      await get().load();
    }
  },
  lost() {
    // Local mode has nobody to sign in; a 401 there is the server's word on one request.
    if (get().mode !== 'required' || get().user === null) return;
    set({ user: null, signInError: 'your session ended: sign in again' });
  },
}));

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'viewer',
  scientist: 'scientist',
  operator: 'operator',
  admin: 'admin',
};

/**
 * Where the app keeps the user it acts as in local mode (a loopback desk, no sign-in; see
 * docs/security.md). In required mode the server ignores `X-Firn-User` and the signed-in
 * session (features/session) decides.
 */
export const USER_STORAGE_KEY = 'firn.user';
export const DEFAULT_USER = 'local';
/** What the server accepts in `X-Firn-User`; anything else would silently act as `local`. */
export const USER_NAME_PATTERN = /^[A-Za-z0-9._@-]{1,200}$/;

export function isValidUserName(name: string): boolean {
  return USER_NAME_PATTERN.test(name);
}

/** The user name sent on every request; `local` when unset, unreadable or invalid. */
export function readUserName(): string {
  try {
    const stored = globalThis.localStorage?.getItem(USER_STORAGE_KEY) ?? null;
    return stored !== null && isValidUserName(stored) ? stored : DEFAULT_USER;
  } catch {
    return DEFAULT_USER;
  }
}

export function writeUserName(name: string): void {
  try {
    globalThis.localStorage?.setItem(USER_STORAGE_KEY, name);
  } catch {
    // Private mode or a full storage: the name holds for this session only.
  }
}

import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'firn_session';

/** The value of one cookie of a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * HttpOnly keeps the secret out of the renderer's JavaScript; SameSite=Strict keeps other
 * sites from sending it; Secure when the request came over https (behind a TLS proxy).
 */
function attributes(req: Request, maxAgeSeconds: number): string {
  const secure = req.secure ? '; Secure' : '';
  return `; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

export function setSessionCookie(req: Request, res: Response, value: string, ttlMs: number) {
  res.append(
    'Set-Cookie',
    `${SESSION_COOKIE}=${value}${attributes(req, Math.floor(ttlMs / 1000))}`,
  );
}

export function clearSessionCookie(req: Request, res: Response) {
  res.append('Set-Cookie', `${SESSION_COOKIE}=${attributes(req, 0)}`);
}

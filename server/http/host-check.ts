import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from './app-error';

/**
 * Whether a request names a host this server answers to: an IP address, `localhost`, or a
 * name configured in FIRN_ALLOWED_HOSTS. A web page whose own name an attacker re-points
 * at 127.0.0.1 (DNS rebinding) is same-origin with itself, so CORS and the origin check
 * let it read the local API; its Host header still carries its own name, which this refuses.
 */
export function isAllowedHost(req: IncomingMessage, allowedNames: readonly string[]): boolean {
  const host = req.headers.host;
  if (!host) return true; // HTTP/1.0 clients and tools without a Host: no browser sends this
  const name = hostnameOf(host);
  if (name === null) return false;
  return isIP(name) !== 0 || name === 'localhost' || allowedNames.includes(name);
}

export function refuseForeignHost(allowedNames: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (isAllowedHost(req, allowedNames)) return next();
    next(
      new AppError(
        403,
        'forbidden_host',
        `this server does not answer to "${req.headers.host}"; add the name to FIRN_ALLOWED_HOSTS`,
      ),
    );
  };
}

function hostnameOf(host: string): string | null {
  try {
    const name = new URL(`http://${host}`).hostname.toLowerCase();
    return name.startsWith('[') ? name.slice(1, -1) : name;
  } catch {
    return null;
  }
}

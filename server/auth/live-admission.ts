import type { IncomingMessage } from 'node:http';
import { allows } from '../../core/auth/roles';
import type { AuthMode } from '../../core/auth/session';
import type { Queryable } from '../../infra/db/types';
import { isCrossSite } from '../http/origin-check';
import { identify } from './identity';

/**
 * Whether a live-socket upgrade may proceed: the socket carries observations and alerts,
 * so in required mode it needs a session of at least a viewer, like the read routes.
 * Local mode admits the desk, as its HTTP routes do. A page of another site never: a
 * WebSocket is not bound by CORS, so it could otherwise read the station's live data.
 */
export function admitLiveUpgrade(db: Queryable, mode: AuthMode) {
  return async (req: IncomingMessage): Promise<boolean> => {
    if (isCrossSite(req)) return false;
    if (mode === 'local') return true;
    try {
      const header = req.headers['x-firn-user'];
      const identity = await identify(db, mode, {
        cookie: req.headers.cookie,
        userHeader: Array.isArray(header) ? header[0] : header,
      });
      return identity !== undefined && allows(identity.role, 'viewer');
    } catch {
      return false;
    }
  };
}

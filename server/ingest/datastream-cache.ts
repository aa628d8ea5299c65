import type { Queryable } from '../../infra/db/types';
import { resolveDatastreamKeys } from '../catalog/catalog-repository';

export interface ResolvedDatastream {
  id: number;
  station: string;
}

/**
 * Datastream key → id, held in memory: ingest resolves every row's key, and datastreams
 * are rarely added. Unknown keys are asked of the database each time, so a datastream
 * added by another process is usable at once.
 */
export class DatastreamCache {
  private readonly known = new Map<string, ResolvedDatastream>();

  constructor(private readonly db: Queryable) {}

  async resolve(keys: Iterable<string>): Promise<Map<string, ResolvedDatastream>> {
    const result = new Map<string, ResolvedDatastream>();
    const missing: string[] = [];
    for (const key of keys) {
      const hit = this.known.get(key);
      if (hit) result.set(key, hit);
      else missing.push(key);
    }
    if (missing.length > 0) {
      for (const [key, value] of await resolveDatastreamKeys(this.db, missing)) {
        this.known.set(key, value);
        result.set(key, value);
      }
    }
    return result;
  }
}

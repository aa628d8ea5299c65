import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../tests/support/backends';
import type { Database } from '../../infra/db/types';
import { createIngestToken, TokenVerifier } from './token-service';

describe.each(backends)('ingest tokens on $name', (backend) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await backend.open());
    await db.query("INSERT INTO stations (id, name) VALUES ('hut', 'Hut')");
  });
  afterAll(() => dispose());

  it('stores only a salted hash, verifies the token and refuses a changed or revoked one', async () => {
    const token = await createIngestToken(db, 'hut', 'logger 1');
    const secret = token.split('_').at(-1) as string;
    const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM ingest_tokens');
    expect(JSON.stringify(rows)).not.toContain(secret);
    const verifier = new TokenVerifier(db);
    expect(await verifier.verify(token)).toEqual({ tokenId: rows[0]?.id, station: 'hut' });
    const changed = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await verifier.verify(changed)).toBeUndefined();
    expect(await verifier.verify('not-a-token')).toBeUndefined();
    await db.query('UPDATE ingest_tokens SET revoked_at = now()');
    expect(await new TokenVerifier(db).verify(token)).toBeUndefined();
  });
});

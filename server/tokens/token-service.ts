import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Queryable } from '../../infra/db/types';

const scryptAsync = promisify(scrypt) as (
  secret: string,
  salt: string,
  keylen: number,
) => Promise<Buffer>;
const TOKEN_PATTERN = /^firn_(\d+)_([A-Za-z0-9_-]{43})$/;
/** Token ids are a PostgreSQL `serial`: a larger id names no token and fails the query (500). */
const MAX_TOKEN_ID = 2_147_483_647;
/** A verified token is trusted this long without a new slow hash; revocation takes effect within it. */
const VERIFIED_TTL_MS = 60_000;

export interface TokenScope {
  tokenId: number;
  station: string;
}

/** Creates an ingest token for one station; only its salted scrypt hash is stored. */
export async function createIngestToken(
  db: Queryable,
  station: string,
  label: string | null,
): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16).toString('base64url');
  const hash = (await scryptAsync(secret, salt, 32)).toString('base64url');
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO ingest_tokens (station_id, label, salt, secret_hash) VALUES ($1, $2, $3, $4) RETURNING id',
    [station, label, salt, hash],
  );
  return `firn_${rows[0]?.id}_${secret}`;
}

/**
 * Checks bearer tokens. scrypt is slow on purpose, so a verified token is remembered (by
 * its SHA-256, never in clear) for a minute; an ingest burst pays the slow hash once.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, TokenScope & { until: number }>();

  constructor(private readonly db: Queryable) {}

  async verify(token: string): Promise<TokenScope | undefined> {
    const fingerprint = createHash('sha256').update(token).digest('base64url');
    const cached = this.verified.get(fingerprint);
    if (cached && cached.until > Date.now())
      return { tokenId: cached.tokenId, station: cached.station };
    const match = TOKEN_PATTERN.exec(token);
    if (!match || Number(match[1]) > MAX_TOKEN_ID) return undefined;
    const { rows } = await this.db.query<{ station: string; salt: string; hash: string }>(
      `SELECT station_id AS station, salt, secret_hash AS hash FROM ingest_tokens
       WHERE id = $1 AND revoked_at IS NULL`,
      [Number(match[1])],
    );
    const row = rows[0];
    if (!row) return undefined;
    const expected = Buffer.from(row.hash, 'base64url');
    const actual = await scryptAsync(match[2] as string, row.salt, expected.length);
    if (!timingSafeEqual(expected, actual)) return undefined;
    const scope = { tokenId: Number(match[1]), station: row.station };
    if (this.verified.size > 10_000) this.verified.clear();
    this.verified.set(fingerprint, { ...scope, until: Date.now() + VERIFIED_TTL_MS });
    return scope;
  }
}

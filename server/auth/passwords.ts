import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt cost for new hashes: N=2^15, r=8, p=1 needs 32 MiB and ~0.1 s a try on a laptop,
 * which makes offline guessing expensive while a sign-in still feels instant. The
 * parameters are stored with each hash, so raising them later keeps old hashes valid.
 */
const COST = { N: 32_768, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const PARAMS_PATTERN = /^scrypt:N=(\d+),r=(\d+),p=(\d+)$/;

export interface PasswordHash {
  params: string;
  salt: string;
  hash: string;
}

function derive(password: string, salt: string, cost: ScryptOptions): Promise<Buffer> {
  // 128·N·r bytes plus headroom: Node's default limit (32 MiB) is just short of N=2^15, r=8.
  const maxmem = 256 * (cost.N ?? 0) * (cost.r ?? 0) + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_BYTES, { ...cost, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16).toString('base64url');
  const key = await derive(password, salt, COST);
  return {
    params: `scrypt:N=${COST.N},r=${COST.r},p=${COST.p}`,
    salt,
    hash: key.toString('base64url'),
  };
}

/** True when `password` matches the stored hash; compares in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const match = PARAMS_PATTERN.exec(stored.params);
  if (!match) return false;
  const cost = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const expected = Buffer.from(stored.hash, 'base64url');
  const actual = await derive(password, stored.salt, cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * A hash no password matches, checked when the user is unknown, so that a sign-in takes
 * as long for a missing user as for a wrong password and does not reveal who exists.
 */
export const UNMATCHABLE: PasswordHash = {
  params: `scrypt:N=${COST.N},r=${COST.r},p=${COST.p}`,
  salt: 'no-such-user',
  hash: Buffer.alloc(KEY_BYTES).toString('base64url'),
};

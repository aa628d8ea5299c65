/**
 * Sign-in for the users table of 001: passwords as a salted scrypt hash with its cost
 * parameters (`scrypt:N=32768,r=8,p=1` when written; kept per row so the cost can be
 * raised later without invalidating old hashes), a disabled flag, and sessions. A user
 * without a password (rows from before this migration) cannot sign in. A session row
 * keeps only the SHA-256 of its secret: the secret is random and long, so a fast hash
 * suffices, and a stolen database yields no usable cookie.
 */
export const sql = `
ALTER TABLE users ADD COLUMN password_params text;
ALTER TABLE users ADD COLUMN password_salt text;
ALTER TABLE users ADD COLUMN disabled boolean NOT NULL DEFAULT false;

CREATE TABLE sessions (
  id text PRIMARY KEY,
  secret_sha256 text NOT NULL,
  user_name text NOT NULL REFERENCES users (name),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE INDEX sessions_user ON sessions (user_name) WHERE revoked_at IS NULL;
`;

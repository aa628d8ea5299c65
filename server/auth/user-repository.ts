import type { Role } from '../../core/auth/roles';
import type { Queryable } from '../../infra/db/types';
import type { PasswordHash } from './passwords';

/** What the API shows of a user: never the password hash. */
export interface UserSummary {
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface UserWithPassword extends UserSummary {
  /** Undefined for a user created before passwords (migration 009): cannot sign in. */
  password: PasswordHash | undefined;
}

interface UserRow {
  name: string;
  role: Role;
  disabled: boolean;
  created_at: Date | string;
  password_params: string | null;
  password_salt: string | null;
  password_hash: string | null;
}

const summaryOf = (row: UserRow): UserSummary => ({
  name: row.name,
  role: row.role,
  disabled: row.disabled,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function findUser(db: Queryable, name: string): Promise<UserWithPassword | undefined> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE name = $1', [name]);
  const row = rows[0];
  if (!row) return undefined;
  const { password_params: params, password_salt: salt, password_hash: hash } = row;
  const password = params && salt && hash ? { params, salt, hash } : undefined;
  return { ...summaryOf(row), password };
}

export async function listUsers(db: Queryable): Promise<UserSummary[]> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users ORDER BY name');
  return rows.map(summaryOf);
}

/** Inserts a user; false when the name is taken. */
export async function insertUser(
  db: Queryable,
  user: { name: string; role: Role; password: PasswordHash },
): Promise<boolean> {
  const { affected } = await db.query(
    `INSERT INTO users (name, role, password_params, password_salt, password_hash)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING`,
    [user.name, user.role, user.password.params, user.password.salt, user.password.hash],
  );
  return affected === 1;
}

/** Changes the given fields of a user; the summary afterwards, or undefined for no such user. */
export async function updateUser(
  db: Queryable,
  name: string,
  change: { role?: Role; password?: PasswordHash; disabled?: boolean },
): Promise<UserSummary | undefined> {
  const { rows } = await db.query<UserRow>(
    `UPDATE users SET role = COALESCE($2, role), disabled = COALESCE($3, disabled),
       password_params = COALESCE($4, password_params),
       password_salt = COALESCE($5, password_salt), password_hash = COALESCE($6, password_hash)
     WHERE name = $1 RETURNING *`,
    [
      name,
      change.role ?? null,
      change.disabled ?? null,
      change.password?.params ?? null,
      change.password?.salt ?? null,
      change.password?.hash ?? null,
    ],
  );
  return rows[0] && summaryOf(rows[0]);
}

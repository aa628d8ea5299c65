import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { isRole, ROLES, userNameSchema } from '../../core/auth/roles';
import { passwordSchema } from '../../core/auth/session';
import { listUsers } from '../../server/auth/user-repository';
import { createUser } from '../../server/auth/users-use-case';
import { withContext } from '../context';
import { requireValue, UsageError } from '../usage-error';

/** Reads the password from piped stdin; undefined on a terminal (then one is generated). */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return text === '' ? undefined : text;
}

/**
 * firn user add <name> --role <role>: the password comes from stdin (`echo … | firn user
 * add`), or is generated and printed once on stdout; only its scrypt hash is stored.
 */
export async function userAdd(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: 'string' } },
  });
  const name = requireValue(positionals[0], 'user name');
  if (!userNameSchema.safeParse(name).success)
    throw new UsageError('a user name is letters, digits and . _ @ -');
  const role = requireValue(values.role, '--role');
  if (!isRole(role)) throw new UsageError(`--role is one of ${ROLES.join(', ')}`);
  const given = await passwordFromStdin();
  const password = given ?? randomBytes(18).toString('base64url');
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new UsageError(checked.error.issues[0]?.message ?? 'bad password');
  process.stderr.write(`hashing the password of ${name}…\n`);
  await withContext(({ db }) => createUser(db, { name, role, password }));
  if (given === undefined) process.stdout.write(`${password}\n`);
  process.stderr.write(`user ${name} added as ${role}\n`);
}

/** firn user list: name, role and whether disabled, one user a line. */
export async function userList(): Promise<void> {
  const users = await withContext(({ db }) => listUsers(db));
  for (const user of users) {
    process.stdout.write(`${user.name}\t${user.role}${user.disabled ? '\tdisabled' : ''}\n`);
  }
}

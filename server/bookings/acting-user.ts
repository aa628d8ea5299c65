import { allows, type Role } from '../../core/auth/roles';
import { AppError } from '../http/app-error';

/** Who acts, and as what: use cases check rules finer than a route's least role with it. */
export interface ActingUser {
  name: string;
  role: Role;
}

/** 403 unless the actor holds at least `minimum` (the route table says the same centrally). */
export function requireRole(actor: ActingUser, minimum: Role, toDo: string): void {
  if (!allows(actor.role, minimum)) {
    throw new AppError(
      403,
      'forbidden',
      `only a ${minimum} or above may ${toDo} (you are ${actor.role})`,
    );
  }
}

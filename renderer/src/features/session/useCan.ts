import { allows, type Role } from '../../../../core/auth/roles';
import { useSession } from './sessionStore';

export interface Permission {
  allowed: boolean;
  /** For a disabled control's tooltip: which role the action needs. */
  reason: string | undefined;
}

/** Whether the signed-in user's role reaches `required`, with the tooltip text when not. */
export function permissionFor(role: Role | undefined, required: Role): Permission {
  // Before the session is known, leave the control enabled: the server decides anyway.
  if (role === undefined || allows(role, required)) return { allowed: true, reason: undefined };
  return { allowed: false, reason: `needs the ${required} role (you are ${role})` };
}

/** `const can = useCan('operator')` → disable the control and show `can.reason` when not allowed. */
export function useCan(required: Role): Permission {
  const role = useSession((s) => s.user?.role);
  return permissionFor(role, required);
}

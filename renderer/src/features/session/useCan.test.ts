import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allows, ROLES } from '../../../../core/auth/roles';
import { permissionFor } from './useCan';

describe('permissionFor', () => {
  it('allows exactly what the role reaches, and names the role needed otherwise', () => {
    const role = fc.constantFrom(...ROLES);
    fc.assert(
      fc.property(role, role, (have, need) => {
        const permission = permissionFor(have, need);
        expect(permission.allowed).toBe(allows(have, need));
        if (!permission.allowed) expect(permission.reason).toContain(`needs the ${need} role`);
        else expect(permission.reason).toBeUndefined();
      }),
    );
  });

  it('leaves controls enabled while the session is unknown (the server decides)', () => {
    expect(permissionFor(undefined, 'admin')).toEqual({ allowed: true, reason: undefined });
  });
});

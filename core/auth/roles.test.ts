import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allows, isRole, ROLES } from './roles';

const role = fc.constantFrom(...ROLES);

describe('allows', () => {
  it('is a total order: reflexive, transitive, and one of any two allows the other', () => {
    fc.assert(
      fc.property(role, role, role, (a, b, c) => {
        expect(allows(a, a)).toBe(true);
        expect(allows(a, b) || allows(b, a)).toBe(true);
        if (allows(a, b) && allows(b, c)) expect(allows(a, c)).toBe(true);
        if (a !== b) expect(allows(a, b) && allows(b, a)).toBe(false);
      }),
    );
  });

  it('ranks viewer < scientist < operator < admin', () => {
    expect(allows('admin', 'operator')).toBe(true);
    expect(allows('operator', 'admin')).toBe(false);
    expect(allows('scientist', 'operator')).toBe(false);
    expect(allows('viewer', 'scientist')).toBe(false);
    expect(allows('scientist', 'viewer')).toBe(true);
  });

  it('knows a role only by its exact name', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(isRole(text)).toBe((ROLES as readonly string[]).includes(text));
      }),
    );
    expect(isRole('Admin')).toBe(false);
  });
});

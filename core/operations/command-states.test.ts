import { describe, expect, it } from 'vitest';
import { commandStates, finalCommandStates, type Approval } from '../contracts/operations';
import { approvalsNeeded, canTransition, checkApproval, mayCancel } from './command-states';

const approval = (by: string): Approval => ({
  by,
  role: 'operator',
  decision: 'approve',
  reason: '',
  at: '2024-01-01T00:00:00Z',
});
const proposed = (needed: number, approvals: Approval[] = []) => ({
  state: 'proposed' as const,
  approvalsNeeded: needed,
  approvals,
});

describe('command state machine', () => {
  it('goes proposed → approved → sent → acknowledged → done', () => {
    const path = ['proposed', 'approved', 'sent', 'acknowledged', 'done'] as const;
    for (let i = 1; i < path.length; i += 1)
      expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('never leaves a final state, and never goes back to sending', () => {
    for (const from of finalCommandStates) {
      for (const to of commandStates) expect(canTransition(from, to)).toBe(false);
    }
    expect(canTransition('sent', 'approved')).toBe(false);
    expect(canTransition('sent', 'sent')).toBe(false);
    expect(canTransition('acknowledged', 'sent')).toBe(false);
    // a sent command can no longer be cancelled: it may already be running
    expect(canTransition('sent', 'cancelled')).toBe(false);
  });

  it('needs one approval, or two for the two-approval class', () => {
    expect(approvalsNeeded('automatic')).toBe(1);
    expect(approvalsNeeded('approval')).toBe(1);
    expect(approvalsNeeded('two_approvals')).toBe(2);
  });
});

describe('checkApproval', () => {
  it('refuses viewers and scientists with 403', () => {
    for (const role of ['viewer', 'scientist'] as const) {
      expect(checkApproval(proposed(1), { name: 'sam', role })).toEqual({
        ok: false,
        status: 403,
        reason: `only an operator may approve; sam is a ${role}`,
      });
    }
  });

  it('completes with one operator, or with a second, different operator', () => {
    expect(checkApproval(proposed(1), { name: 'otto', role: 'operator' })).toEqual({
      ok: true,
      complete: true,
    });
    expect(checkApproval(proposed(2), { name: 'otto', role: 'operator' })).toEqual({
      ok: true,
      complete: false,
    });
    expect(checkApproval(proposed(2, [approval('otto')]), { name: 'olga', role: 'admin' })).toEqual(
      {
        ok: true,
        complete: true,
      },
    );
  });

  it('refuses the same operator twice and a command no longer waiting', () => {
    const again = checkApproval(proposed(2, [approval('otto')]), {
      name: 'otto',
      role: 'operator',
    });
    expect(again).toMatchObject({
      ok: false,
      status: 409,
      reason: expect.stringContaining('another operator'),
    });
    const sent = checkApproval(
      { ...proposed(1), state: 'sent' },
      { name: 'otto', role: 'operator' },
    );
    expect(sent).toMatchObject({
      ok: false,
      status: 409,
      reason: 'the command is sent, not waiting for approval',
    });
  });

  it('takes approvals of a scheduled command in advance; its release goes on from there', () => {
    const scheduled = { ...proposed(2), state: 'scheduled' as const };
    expect(checkApproval(scheduled, { name: 'otto', role: 'operator' })).toEqual({
      ok: true,
      complete: false,
    });
    expect(checkApproval(scheduled, { name: 'sam', role: 'scientist' })).toMatchObject({
      status: 403,
    });
    for (const to of ['proposed', 'approved', 'blocked', 'rejected', 'cancelled'] as const)
      expect(canTransition('scheduled', to)).toBe(true);
    expect(canTransition('scheduled', 'sent')).toBe(false);
  });

  it('lets a scientist cancel only their own command, an operator any', () => {
    expect(mayCancel('sam', { name: 'sam', role: 'scientist' })).toBe(true);
    expect(mayCancel('sue', { name: 'sam', role: 'scientist' })).toBe(false);
    expect(mayCancel('sam', { name: 'sam', role: 'viewer' })).toBe(false);
    expect(mayCancel('sue', { name: 'otto', role: 'operator' })).toBe(true);
  });
});

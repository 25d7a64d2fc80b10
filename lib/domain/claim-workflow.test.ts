import { describe, expect, it } from 'vitest';
import { CLAIM_ACTIONS, decideClaimTransition, type ClaimAction } from './claim-workflow';
import { CLAIM_STATUSES, USER_ROLES, type ClaimStatus, type UserRole } from './enums';

// The expected table, written out by hand rather than derived from the implementation.
function expectedOutcome(
  status: ClaimStatus,
  hasPublished: boolean,
  action: ClaimAction,
  role: UserRole,
  isProposer: boolean,
): string {
  const isEditor = role === 'editor' || role === 'admin';
  switch (action) {
    case 'propose':
      if (status === 'open' || status === 'published') return 'in_review';
      return 'INVALID_STATE';
    case 'withdraw':
      if (status !== 'in_review') return 'INVALID_STATE';
      if (!isProposer) return 'FORBIDDEN';
      return hasPublished ? 'published' : 'open';
    case 'approve':
      if (!isEditor) return 'FORBIDDEN';
      if (status !== 'in_review') return 'INVALID_STATE';
      if (isProposer) return 'FORBIDDEN';
      return 'published';
    case 'return':
      if (!isEditor) return 'FORBIDDEN';
      if (status !== 'in_review') return 'INVALID_STATE';
      return hasPublished ? 'published' : 'open';
    case 'dismiss':
      if (!isEditor) return 'FORBIDDEN';
      return status === 'open' || status === 'in_review' ? 'dismissed' : 'INVALID_STATE';
    case 'reopen':
      if (!isEditor) return 'FORBIDDEN';
      return status === 'dismissed' ? 'open' : 'INVALID_STATE';
  }
}

describe('decideClaimTransition', () => {
  const cases: [ClaimStatus, boolean, ClaimAction, UserRole, boolean][] = [];
  for (const status of CLAIM_STATUSES)
    for (const hasPublished of [false, true])
      for (const action of CLAIM_ACTIONS)
        for (const role of USER_ROLES) for (const isProposer of [false, true]) cases.push([status, hasPublished, action, role, isProposer]);

  it('covers every state × action × role × proposer combination', () => {
    expect(cases).toHaveLength(CLAIM_STATUSES.length * 2 * CLAIM_ACTIONS.length * USER_ROLES.length * 2);
  });

  it.each(cases)('%s (published before: %s) + %s by %s (proposer: %s)', (status, hasPublished, action, role, isProposer) => {
    const decision = decideClaimTransition({ status, hasPublishedVerdict: hasPublished }, action, { role, isProposer });
    const actual = decision.isAllowed ? decision.nextStatus : decision.reason;
    expect(actual).toBe(expectedOutcome(status, hasPublished, action, role, isProposer));
    if (!decision.isAllowed) expect(decision.message.length).toBeGreaterThan(10);
  });

  it('explains the two-person rule to a proposing admin', () => {
    const decision = decideClaimTransition({ status: 'in_review', hasPublishedVerdict: false }, 'approve', {
      role: 'admin',
      isProposer: true,
    });
    expect(decision).toMatchObject({ isAllowed: false, reason: 'FORBIDDEN' });
    expect(!decision.isAllowed && decision.message).toContain('two-person rule');
  });
});

// The claim state machine, in one place. Every workflow service asks it before changing a
// claim; the exhaustive test beside it walks every state × action × role.
import { hasRoleAtLeast, type ClaimStatus, type UserRole } from './enums';

export const CLAIM_ACTIONS = ['propose', 'withdraw', 'approve', 'return', 'dismiss', 'reopen'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

export type ClaimWorkflowState = {
  status: ClaimStatus;
  /** Whether an approved verdict exists: a withdrawn or returned update falls back to `published`. */
  hasPublishedVerdict: boolean;
};

export type ClaimWorkflowActor = {
  role: UserRole;
  /** Whether the actor proposed the pending verdict (for withdraw and approve). */
  isProposer: boolean;
};

export type TransitionDecision =
  | { isAllowed: true; nextStatus: ClaimStatus }
  | { isAllowed: false; reason: 'FORBIDDEN' | 'INVALID_STATE'; message: string };

const REQUIRED_ROLE: Record<ClaimAction, UserRole> = {
  propose: 'reviewer',
  withdraw: 'reviewer',
  approve: 'editor',
  return: 'editor',
  dismiss: 'editor',
  reopen: 'editor',
};

const ALLOWED_FROM: Record<ClaimAction, readonly ClaimStatus[]> = {
  propose: ['open', 'published'],
  withdraw: ['in_review'],
  approve: ['in_review'],
  return: ['in_review'],
  dismiss: ['open', 'in_review'],
  reopen: ['dismissed'],
};

const STATUS_WORDS: Record<ClaimStatus, string> = {
  open: 'open',
  in_review: 'in review',
  published: 'published',
  dismissed: 'dismissed',
};

export function decideClaimTransition(
  state: ClaimWorkflowState,
  action: ClaimAction,
  actor: ClaimWorkflowActor,
): TransitionDecision {
  const required = REQUIRED_ROLE[action];
  if (!hasRoleAtLeast(actor.role, required)) {
    return { isAllowed: false, reason: 'FORBIDDEN', message: `Only ${required}s can ${action} a verdict or claim.` };
  }
  if (!ALLOWED_FROM[action].includes(state.status)) {
    return {
      isAllowed: false,
      reason: 'INVALID_STATE',
      message: `This claim is ${STATUS_WORDS[state.status]}, so it cannot be ${pastTense(action)} now.`,
    };
  }
  if (action === 'withdraw' && !actor.isProposer) {
    return { isAllowed: false, reason: 'FORBIDDEN', message: 'Only the proposer can withdraw a proposal.' };
  }
  if (action === 'approve' && actor.isProposer) {
    // The two-person rule: nobody publishes their own verdict, admins included.
    return {
      isAllowed: false,
      reason: 'FORBIDDEN',
      message: 'You proposed this verdict, so another editor has to approve it (two-person rule).',
    };
  }
  return { isAllowed: true, nextStatus: nextStatusOf(state, action) };
}

function nextStatusOf(state: ClaimWorkflowState, action: ClaimAction): ClaimStatus {
  switch (action) {
    case 'propose':
      return 'in_review';
    case 'approve':
      return 'published';
    case 'withdraw':
    case 'return':
      return state.hasPublishedVerdict ? 'published' : 'open';
    case 'dismiss':
      return 'dismissed';
    case 'reopen':
      return 'open';
  }
}

function pastTense(action: ClaimAction): string {
  const words: Record<ClaimAction, string> = {
    propose: 'given a new proposal',
    withdraw: 'withdrawn',
    approve: 'approved',
    return: 'returned',
    dismiss: 'dismissed',
    reopen: 'reopened',
  };
  return words[action];
}

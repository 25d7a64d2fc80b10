// The vocabulary shared by the database schemas, the services and the UI. Both schema
// files take their enum values from here so the two dialects cannot drift apart.

export const USER_ROLES = ['reviewer', 'editor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const CLAIM_STATUSES = ['open', 'in_review', 'published', 'dismissed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const ANNOTATION_KINDS = ['note', 'question', 'evidence'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const EVIDENCE_STANCES = ['supports', 'contradicts', 'context'] as const;
export type EvidenceStance = (typeof EVIDENCE_STANCES)[number];

export const VERDICT_STATUSES = ['pending', 'returned', 'withdrawn', 'approved'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

export const ANCHOR_STATES = ['exact', 'moved', 'fuzzy', 'orphan'] as const;
export type AnchorStateValue = (typeof ANCHOR_STATES)[number];

/** Roles ordered by privilege: an editor can do what a reviewer can, an admin what an editor can. */
const ROLE_RANK: Record<UserRole, number> = { reviewer: 1, editor: 2, admin: 3 };

export function hasRoleAtLeast(role: UserRole, required: UserRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[required];
}

import type { ClaimStatus } from '@/lib/domain/enums';

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  open: 'Open',
  in_review: 'In review',
  published: 'Published',
  dismissed: 'Dismissed',
};

// Audit actions as they read after the actor's name ("Rita Reviewer added evidence to …").
const ACTIVITY_PHRASES: Record<string, string> = {
  'claim.created': 'marked the claim',
  'claim.edited': 'edited the claim',
  'claim.assigned': 'changed who is assigned to',
  'claim.dismissed': 'dismissed the claim',
  'checklist.checked': 'ticked a checklist item on',
  'checklist.unchecked': 'unticked a checklist item on',
  'annotation.note_added': 'added a note to',
  'annotation.question_added': 'asked a question about',
  'annotation.evidence_added': 'added evidence to',
  'annotation.replied': 'replied in the discussion of',
  'annotation.edited': 'edited an annotation on',
  'annotation.deleted': 'deleted an annotation on',
  'annotation.hidden': 'hid an annotation on',
  'annotation.unhidden': 'restored an annotation on',
  'verdict.proposed': 'proposed a verdict for',
  'verdict.update_proposed': 'proposed an updated verdict for',
  'verdict.withdrawn': 'withdrew the proposed verdict for',
  'verdict.returned': 'returned the proposed verdict for',
  'verdict.approved': 'approved and published the verdict for',
  'verdict.correction_approved': 'published a correction to',
};

/** A readable phrase for an audit action; unknown actions fall back to their own words. */
export function describeActivity(action: string): string {
  return ACTIVITY_PHRASES[action] ?? `${action.replace(/[._]+/g, ' ').trim()} on`;
}

export function formatCount(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

// Output schemas: what each procedure may return. Anything not listed is stripped, so a
// new column never leaks by accident.
import { z } from 'zod';
import {
  ANCHOR_STATES,
  ANNOTATION_KINDS,
  CLAIM_STATUSES,
  EVIDENCE_STANCES,
  USER_ROLES,
  VERDICT_STATUSES,
} from '@/lib/domain/enums';

export const selectorsOutput = z.object({
  quote: z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() }),
  position: z.object({ type: z.literal('TextPositionSelector'), start: z.number(), end: z.number() }),
});

export const claimSummaryOutput = z.object({
  id: z.number(),
  slug: z.string(),
  articleId: z.number(),
  statement: z.string(),
  claimant: z.string(),
  status: z.enum(CLAIM_STATUSES),
  selectors: selectorsOutput,
  anchorState: z.enum(ANCHOR_STATES),
  anchorScore: z.number().nullable(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  tags: z.array(z.string()),
  annotationCount: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number(),
});

export const ratingOutput = z.object({
  key: z.string(),
  label: z.string(),
  color: z.string(),
  description: z.string(),
  value: z.number(),
});

export const checklistItemOutput = z.object({ key: z.string(), label: z.string(), required: z.boolean() });

export const annotationOutput = z.object({
  id: z.number(),
  claimId: z.number(),
  parentId: z.number().nullable(),
  kind: z.enum(ANNOTATION_KINDS),
  body: z.string(),
  evidence: z
    .object({
      sourceUrl: z.string(),
      sourceTitle: z.string(),
      excerpt: z.string(),
      archiveUrl: z.string().nullable(),
      stance: z.enum(EVIDENCE_STANCES),
    })
    .nullable(),
  authorId: z.number(),
  authorName: z.string(),
  isHidden: z.boolean(),
  isDeleted: z.boolean(),
  canEdit: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number(),
});

export const verdictOutput = z.object({
  id: z.number(),
  versionNumber: z.number(),
  ratingKey: z.string(),
  ratingLabel: z.string(),
  ratingValue: z.number(),
  summary: z.string(),
  ruling: z.string(),
  sources: z.array(z.object({ url: z.string(), title: z.string() })),
  correctionNote: z.string().nullable(),
  status: z.enum(VERDICT_STATUSES),
  proposedById: z.number(),
  proposerName: z.string(),
  decidedAt: z.date().nullable(),
  decisionComment: z.string().nullable(),
  createdAt: z.date(),
  version: z.number(),
});

export const claimDetailOutput = z.object({
  claim: claimSummaryOutput,
  article: z.object({ id: z.number(), slug: z.string(), title: z.string() }),
  context: z.object({ before: z.string(), quote: z.string(), after: z.string() }),
  createdByName: z.string(),
  isFollowing: z.boolean(),
  checklist: z.array(checklistItemOutput.extend({ isChecked: z.boolean() })),
  ratingScale: z.array(ratingOutput),
  annotations: z.array(annotationOutput),
  verdicts: z.array(verdictOutput),
  audit: z.array(z.object({ id: z.number(), action: z.string(), actorName: z.string(), createdAt: z.date() })),
});

export const staffMemberOutput = z.object({ id: z.number(), name: z.string(), role: z.enum(USER_ROLES) });

export const writeResultOutput = z.object({ id: z.number(), version: z.number() });

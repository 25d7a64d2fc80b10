import { z } from 'zod';
import { ANNOTATION_KINDS, CLAIM_STATUSES, EVIDENCE_STANCES } from '../domain/enums';
import { httpUrlSchema, idSchema, versionSchema } from './common';

const MAX_QUOTE = 5_000;

export const textSelectorsSchema = z
  .object({
    quote: z.object({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().min(1, 'Select some words first.').max(MAX_QUOTE, 'Select at most 5,000 characters.'),
      prefix: z.string().max(64),
      suffix: z.string().max(64),
    }),
    position: z.object({
      type: z.literal('TextPositionSelector'),
      start: z.number().int().min(0),
      end: z.number().int().min(1),
    }),
  })
  .refine((s) => s.position.end > s.position.start, { message: 'The selection is empty.', path: ['position'] })
  .refine((s) => s.position.end - s.position.start === s.quote.exact.length, {
    message: 'The quote and its position disagree.',
    path: ['quote'],
  });

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'A tag cannot be empty.')
  .max(40, 'Use tags of at most 40 characters.');

export const tagsSchema = z
  .array(tagSchema)
  .max(10, 'Use at most 10 tags.')
  .transform((tags) => [...new Set(tags)]);

export const claimStatementSchema = z
  .string()
  .trim()
  .min(3, 'Write the checkable statement (at least 3 characters).')
  .max(1_000, 'Keep the statement under 1,000 characters.');

export const claimantSchema = z
  .string()
  .trim()
  .min(1, 'Say who made the claim.')
  .max(200, 'Keep the claimant under 200 characters.');

export const createClaimSchema = z.object({
  articleId: idSchema,
  selectors: textSelectorsSchema,
  statement: claimStatementSchema,
  claimant: claimantSchema,
  assigneeId: idSchema.nullable().default(null),
  tags: tagsSchema.default([]),
});

export const updateClaimSchema = z.object({
  claimId: idSchema,
  version: versionSchema,
  statement: claimStatementSchema.optional(),
  claimant: claimantSchema.optional(),
  assigneeId: idSchema.nullable().optional(),
  tags: tagsSchema.optional(),
});

export const claimListFilterSchema = z.object({
  articleId: idSchema,
  status: z.enum(CLAIM_STATUSES).optional(),
  isAssignedToMe: z.boolean().default(false),
});

export const evidenceSchema = z.object({
  sourceUrl: httpUrlSchema,
  sourceTitle: z.string().trim().min(1, 'Give the source a title.').max(300, 'Keep the title under 300 characters.'),
  excerpt: z.string().trim().max(5_000, 'Keep the excerpt under 5,000 characters.').default(''),
  archiveUrl: httpUrlSchema.nullable().default(null),
  stance: z.enum(EVIDENCE_STANCES, { message: 'Say whether the source supports or contradicts the claim.' }),
});

const annotationBodySchema = z.string().trim().max(20_000, 'Keep it under 20,000 characters.');

export const createAnnotationSchema = z
  .object({
    claimId: idSchema,
    parentId: idSchema.nullable().default(null),
    kind: z.enum(ANNOTATION_KINDS),
    body: annotationBodySchema.default(''),
    evidence: evidenceSchema.nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'evidence' && !value.evidence) {
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'Evidence needs a source.' });
    }
    if (value.kind !== 'evidence' && value.evidence) {
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'Only evidence has a source.' });
    }
    if (value.kind !== 'evidence' && value.body.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'Write something first.' });
    }
  });

export const updateAnnotationSchema = z.object({
  annotationId: idSchema,
  version: versionSchema,
  body: annotationBodySchema,
  evidence: evidenceSchema.nullable().default(null),
});

export const deleteAnnotationSchema = z.object({ annotationId: idSchema, version: versionSchema });
export const hideAnnotationSchema = z.object({ annotationId: idSchema, isHidden: z.boolean() });

export const checklistToggleSchema = z.object({
  claimId: idSchema,
  itemKey: z.string().trim().min(1).max(60),
  isChecked: z.boolean(),
});

export const verdictSourceSchema = z.object({
  url: httpUrlSchema,
  title: z.string().trim().min(1, 'Give each source a title.').max(300),
});

export const proposeVerdictSchema = z.object({
  claimId: idSchema,
  claimVersion: versionSchema,
  ratingKey: z.string().trim().min(1, 'Choose a rating.').max(60),
  summary: z.string().trim().min(10, 'Write a one-line summary (at least 10 characters).').max(280, 'Keep the summary to 280 characters.'),
  ruling: z.string().trim().min(20, 'Explain the ruling (at least 20 characters).').max(50_000),
  sources: z.array(verdictSourceSchema).min(1, 'Cite at least one source.').max(30, 'Cite at most 30 sources.'),
  correctionNote: z.string().trim().max(2_000).nullable().default(null),
});

export const withdrawVerdictSchema = z.object({ verdictId: idSchema, version: versionSchema });

export const decideVerdictSchema = z.object({ verdictId: idSchema, version: versionSchema });
export const returnVerdictSchema = decideVerdictSchema.extend({
  comment: z.string().trim().min(3, 'Say what needs to change (at least 3 characters).').max(5_000),
});
export const dismissClaimSchema = z.object({
  claimId: idSchema,
  version: versionSchema,
  reason: z.string().trim().min(3, 'Say why the claim is not checkable.').max(2_000),
});

/** Re-attaches a claim to a passage selected in the article's current text (describeTextRange in the browser). */
export const reattachClaimSchema = z.object({
  claimId: idSchema,
  version: versionSchema,
  selectors: textSelectorsSchema,
});

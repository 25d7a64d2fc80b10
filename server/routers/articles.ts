import { z } from 'zod';
import { slugSchema } from '@/lib/schemas/common';
import { importSourceSchema } from '@/lib/article-import';
import { ANCHOR_STATES, CLAIM_STATUSES } from '@/lib/domain/enums';
import {
  articleRevisionDiffSchema,
  articleRevisionRefSchema,
  reviseArticleSchema,
  saveImportedArticleSchema,
} from '@/lib/schemas/articles';
import { idSchema } from '@/lib/schemas/common';
import { previewArticleImport, saveImportedArticle } from '../services/article-import';
import {
  diffArticleRevisions,
  getArticleRevision,
  listArticleRevisions,
  reviseArticle,
} from '../services/article-revisions';
import { getArticleBySlug, getArticleWorkspace, listArticles } from '../services/articles';
import { reviewerProcedure, router } from '../trpc/init';
import { claimSummaryOutput } from './outputs';

const articleSummary = z.object({
  id: z.number(),
  slug: z.string(),
  title: z.string(),
  dek: z.string().nullable(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.date().nullable(),
  createdAt: z.date(),
});

const articleView = articleSummary.extend({
  paragraphs: z.array(z.string()),
  url: z.string().nullable(),
  language: z.string().nullable(),
  revisionNumber: z.number(),
  updatedAt: z.date(),
  version: z.number(),
});

const anchorCountsOutput = z.object({ exact: z.number(), moved: z.number(), fuzzy: z.number(), orphan: z.number() });

const revisionRef = z.object({ revisionNumber: z.number(), title: z.string(), createdAt: z.date() });

const paragraphDiffOp = z.object({
  kind: z.enum(['same', 'added', 'removed', 'changed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
  beforeIndex: z.number().nullable(),
  afterIndex: z.number().nullable(),
  /** Claims anchored in this paragraph, for changed and removed paragraphs. */
  claimIds: z.array(z.number()),
});

export const articlesRouter = router({
  list: reviewerProcedure
    .input(z.object({ page: z.number().int().min(1).max(10_000).default(1) }).default({ page: 1 }))
    .output(z.object({ items: z.array(articleSummary), hasMore: z.boolean(), page: z.number() }))
    .query(({ ctx, input }) => listArticles(ctx.db, input)),

  bySlug: reviewerProcedure
    .input(z.object({ slug: slugSchema }))
    .output(articleView)
    .query(({ ctx, input }) => getArticleBySlug(ctx.db, input.slug)),

  /** The reviewer's workspace: the article with every claim on it, whatever its status. */
  workspace: reviewerProcedure
    .input(z.object({ slug: slugSchema }))
    .output(z.object({ article: articleView, claims: z.array(claimSummaryOutput), eventCursor: z.number().int().nonnegative() }))
    .query(({ ctx, input }) => getArticleWorkspace(ctx.db, ctx.user, input.slug)),

  previewImport: reviewerProcedure
    .input(importSourceSchema)
    .output(
      z.object({
        title: z.string(),
        dek: z.string().nullable(),
        publisher: z.string().nullable(),
        author: z.string().nullable(),
        url: z.string().nullable(),
        publishedAt: z.date().nullable(),
        language: z.string().nullable(),
        paragraphs: z.array(z.string()),
        classified: z.array(z.object({ text: z.string(), isBoilerplate: z.boolean(), reason: z.string().nullable() })),
      }),
    )
    .mutation(({ ctx, input }) => previewArticleImport(ctx.db, ctx.user, input)),

  import: reviewerProcedure
    .input(saveImportedArticleSchema)
    .output(articleView)
    .mutation(({ ctx, input }) => saveImportedArticle(ctx.db, ctx.user, input)),

  /** Replaces the article's text with a new revision and re-anchors its claims. */
  revise: reviewerProcedure
    .input(reviseArticleSchema)
    .output(z.object({ article: articleView, revisionNumber: z.number(), anchorCounts: anchorCountsOutput }))
    .mutation(async ({ ctx, input }) => {
      const result = await reviseArticle(ctx.db, ctx.user, input);
      ctx.revalidatePublicPaths(result.publicPaths);
      return result;
    }),

  /** The article's revisions, newest first. */
  revisions: reviewerProcedure
    .input(z.object({ articleId: idSchema }))
    .output(
      z.array(
        revisionRef.extend({ createdByName: z.string().nullable(), paragraphCount: z.number(), characterCount: z.number() }),
      ),
    )
    .query(({ ctx, input }) => listArticleRevisions(ctx.db, ctx.user, input)),

  revision: reviewerProcedure
    .input(articleRevisionRefSchema)
    .output(revisionRef.extend({ dek: z.string().nullable(), paragraphs: z.array(z.string()) }))
    .query(({ ctx, input }) => getArticleRevision(ctx.db, ctx.user, input)),

  /** A paragraph diff from one revision to another, with the claims in changed or removed paragraphs. */
  revisionDiff: reviewerProcedure
    .input(articleRevisionDiffSchema)
    .output(
      z.object({
        from: revisionRef,
        to: revisionRef,
        ops: z.array(paragraphDiffOp),
        affectedClaims: z.array(
          z.object({
            id: z.number(),
            slug: z.string(),
            statement: z.string(),
            status: z.enum(CLAIM_STATUSES),
            anchorState: z.enum(ANCHOR_STATES),
            quote: z.string(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => diffArticleRevisions(ctx.db, ctx.user, input)),
});

import { z } from 'zod';
import { slugSchema } from '@/lib/schemas/common';
import { importSourceSchema } from '@/lib/article-import';
import { saveImportedArticleSchema } from '@/lib/schemas/articles';
import { previewArticleImport, saveImportedArticle } from '../services/article-import';
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
    .mutation(({ ctx, input }) => previewArticleImport(ctx.user, input)),

  import: reviewerProcedure
    .input(saveImportedArticleSchema)
    .output(articleView)
    .mutation(({ ctx, input }) => saveImportedArticle(ctx.db, ctx.user, input)),
});

// Anonymous, read-only procedures for the public site. They return published data only:
// every service they call reads through db/queries/public.ts.
import { z } from 'zod';
import { slugSchema } from '@/lib/schemas/common';
import {
  getPublicArticle,
  getPublicArticleAnnotations,
  getPublicFactCheck,
  listFeedItems,
  listPublicArticles,
  listPublicFactChecks,
} from '../services/public-site';
import { getMethodology } from '../services/methodology';
import { publicProcedure, router } from '../trpc/init';

const scaleEntry = z.object({ key: z.string(), label: z.string(), value: z.number(), color: z.string() });
const pageInput = z.number().int().min(1).max(10_000).default(1);

export const publicRouter = router({
  factCheck: publicProcedure
    .input(z.object({ slug: slugSchema }))
    .output(
      z.object({
        slug: z.string(),
        statement: z.string(),
        claimant: z.string(),
        quote: z.string(),
        article: z.object({
          slug: z.string(),
          title: z.string(),
          url: z.string().nullable(),
          publisher: z.string().nullable(),
          publishedAt: z.date().nullable(),
        }),
        rating: scaleEntry,
        scale: z.array(scaleEntry),
        summary: z.string(),
        ruling: z.string(),
        sources: z.array(z.object({ url: z.string(), title: z.string() })),
        publishedAt: z.date(),
        updatedAt: z.date(),
        corrections: z.array(z.object({ date: z.date(), note: z.string() })),
        earlierVerdicts: z.array(z.object({ ratingLabel: z.string(), summary: z.string(), publishedAt: z.date() })),
        organisation: z.object({ name: z.string(), url: z.string(), logoUrl: z.string().nullable() }),
        pageUrl: z.string(),
        jsonLd: z.string(),
      }),
    )
    .query(({ ctx, input }) => getPublicFactCheck(ctx.db, input.slug)),

  factChecks: publicProcedure
    .input(
      z
        .object({
          query: z.string().trim().max(200).optional(),
          ratingKey: z.string().trim().max(60).optional(),
          page: pageInput,
        })
        .default({ page: 1 }),
    )
    .output(
      z.object({
        items: z.array(
          z.object({
            slug: z.string(),
            statement: z.string(),
            claimant: z.string(),
            ratingLabel: z.string(),
            ratingColor: z.string(),
            summary: z.string(),
            publishedAt: z.date().nullable(),
            articleTitle: z.string(),
          }),
        ),
        total: z.number(),
        page: z.number(),
        pageCount: z.number(),
        ratings: z.array(z.object({ key: z.string(), label: z.string() })),
      }),
    )
    .query(({ ctx, input }) => listPublicFactChecks(ctx.db, input)),

  article: publicProcedure
    .input(z.object({ slug: slugSchema }))
    .output(
      z.object({
        slug: z.string(),
        title: z.string(),
        dek: z.string().nullable(),
        paragraphs: z.array(z.string()),
        publisher: z.string().nullable(),
        author: z.string().nullable(),
        url: z.string().nullable(),
        publishedAt: z.date().nullable(),
        language: z.string().nullable(),
        factChecks: z.array(
          z.object({
            slug: z.string(),
            statement: z.string(),
            claimant: z.string(),
            start: z.number(),
            end: z.number(),
            isAnchored: z.boolean(),
            ratingLabel: z.string(),
            ratingColor: z.string(),
            summary: z.string(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => getPublicArticle(ctx.db, input.slug)),

  articles: publicProcedure
    .input(z.object({ page: pageInput }).default({ page: 1 }))
    .output(
      z.object({
        items: z.array(
          z.object({
            id: z.number(),
            slug: z.string(),
            title: z.string(),
            dek: z.string().nullable(),
            publisher: z.string().nullable(),
            author: z.string().nullable(),
            publishedAt: z.date().nullable(),
            createdAt: z.date(),
            updatedAt: z.date(),
          }),
        ),
        hasMore: z.boolean(),
        page: z.number(),
      }),
    )
    .query(({ ctx, input }) => listPublicArticles(ctx.db, input)),

  feed: publicProcedure
    .input(z.void())
    .output(
      z.array(
        z.object({
          guid: z.string(),
          slug: z.string(),
          title: z.string(),
          isCorrection: z.boolean(),
          description: z.string(),
          claimant: z.string(),
          publishedAt: z.date(),
        }),
      ),
    )
    .query(({ ctx }) => listFeedItems(ctx.db)),

  /** W3C Web Annotation JSON-LD; its shape is fixed by lib/w3c, so it is passed through as a record. */
  articleAnnotations: publicProcedure
    .input(z.object({ slug: slugSchema }))
    .output(z.record(z.string(), z.unknown()))
    .query(async ({ ctx, input }) => (await getPublicArticleAnnotations(ctx.db, input.slug)) as Record<string, unknown>),

  methodology: publicProcedure
    .input(z.void())
    .output(
      z.object({
        organisation: z.object({ name: z.string(), url: z.string(), logoUrl: z.string().nullable() }),
        methodology: z.string(),
        correctionsPolicy: z.string(),
        scale: z.array(scaleEntry.extend({ description: z.string() })),
        best: z.number(),
        worst: z.number(),
      }),
    )
    .query(({ ctx }) => getMethodology(ctx.db)),
});

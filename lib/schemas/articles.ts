import { z } from 'zod';
import { httpUrlSchema, idSchema, storableDateSchema, versionSchema } from './common';

const MAX_ARTICLE_CHARACTERS = 2 * 1024 * 1024;

export const articleTitleSchema = z
  .string()
  .trim()
  .min(1, 'The article needs a title.')
  .max(500, 'Keep the title under 500 characters.');

export const articleDekSchema = z
  .string()
  .trim()
  .max(2_000, 'Keep the standfirst under 2,000 characters.')
  .nullable()
  .default(null);

export const articleParagraphsSchema = z
  .array(z.string().trim().min(1).max(100_000))
  .min(1, 'Keep at least one paragraph.')
  .max(5_000, 'An article can have at most 5,000 paragraphs.')
  .refine((paragraphs) => paragraphs.reduce((sum, p) => sum + p.length, 0) <= MAX_ARTICLE_CHARACTERS, {
    message: 'The article is larger than 2 MB.',
  });

/** What the import form saves after the reviewer has checked the preview. */
export const saveImportedArticleSchema = z.object({
  title: articleTitleSchema,
  dek: articleDekSchema,
  paragraphs: articleParagraphsSchema,
  publisher: z.string().trim().max(200).nullable().default(null),
  author: z.string().trim().max(300).nullable().default(null),
  url: httpUrlSchema.nullable().default(null),
  publishedAt: storableDateSchema.nullable().default(null),
  language: z
    .string()
    .trim()
    .max(35)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as en or pt-BR.')
    .nullable()
    .default(null),
});

/**
 * A new revision of an article's text (pasted, or re-fetched with articles.previewImport),
 * naming the article version it was edited from. Title, dek and paragraphs are validated as on import.
 */
export const reviseArticleSchema = z.object({
  articleId: idSchema,
  version: versionSchema,
  title: articleTitleSchema,
  dek: articleDekSchema,
  paragraphs: articleParagraphsSchema,
});

export const articleRevisionRefSchema = z.object({ articleId: idSchema, revisionNumber: idSchema });

export const articleRevisionDiffSchema = z.object({ articleId: idSchema, from: idSchema, to: idSchema });

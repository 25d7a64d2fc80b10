import type { AppDb, Db } from '@/db/client';
import {
  findArticleBySlug,
  findArticles,
  insertArticleWithFirstRevision,
  isArticleSlugTaken,
  type ArticleRow,
} from '@/db/queries/articles';
import { insertAuditEvent } from '@/db/queries/audit';
import { findEventCursor } from './live-events';
import { slugify } from '@/lib/slug';
import { notFound } from '../errors';
import { requireRole, type Actor } from './actor';
import { listClaimsOfKnownArticle } from './claims';

export type ArticleSummary = Awaited<ReturnType<typeof findArticles>>[number];
export type ArticleView = Pick<
  ArticleRow,
  | 'id'
  | 'slug'
  | 'title'
  | 'dek'
  | 'paragraphs'
  | 'publisher'
  | 'author'
  | 'url'
  | 'publishedAt'
  | 'language'
  | 'revisionNumber'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
>;

export const ARTICLES_PAGE_SIZE = 20;

export async function listArticles(db: AppDb, { page }: { page: number }) {
  const rows = await findArticles(db, { limit: ARTICLES_PAGE_SIZE + 1, offset: (page - 1) * ARTICLES_PAGE_SIZE });
  return { items: rows.slice(0, ARTICLES_PAGE_SIZE), hasMore: rows.length > ARTICLES_PAGE_SIZE, page };
}

export async function getArticleBySlug(db: AppDb, slug: string): Promise<ArticleView> {
  const row = await findArticleBySlug(db, slug);
  if (!row) throw notFound('Article');
  return toArticleView(row);
}

export function toArticleView(row: ArticleRow): ArticleView {
  const { createdById: _createdBy, ...view } = row;
  return view;
}

export type NewArticleInput = {
  title: string;
  dek: string | null;
  paragraphs: string[];
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedAt: Date | null;
  language: string | null;
};

async function pickFreeSlug(db: Db, title: string): Promise<string> {
  const base = slugify(title);
  for (let attempt = 1; ; attempt += 1) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await isArticleSlugTaken(db, candidate))) return candidate;
  }
}

/** Stores an article and its first revision in one transaction, with its audit event. */
export async function storeArticle(db: AppDb, input: NewArticleInput, actorId: number | null): Promise<ArticleView> {
  return db.transaction(async (tx) => {
    const slug = await pickFreeSlug(tx, input.title);
    const row = await insertArticleWithFirstRevision(tx, { ...input, slug, createdById: actorId });
    await insertAuditEvent(tx, {
      entityType: 'article',
      entityId: row.id,
      articleId: row.id,
      action: 'article.imported',
      actorId,
      after: { title: row.title, slug: row.slug, paragraphs: row.paragraphs.length },
    });
    return toArticleView(row);
  });
}

export async function getArticleWorkspace(db: AppDb, actor: Actor | null, slug: string) {
  requireRole(actor, 'reviewer');
  // Read the cursor first: an event after it may already show in what follows, and
  // replaying it is harmless, whereas a change between the reads must not be missed.
  const eventCursor = await findEventCursor(db);
  const article = await getArticleBySlug(db, slug);
  const claims = await listClaimsOfKnownArticle(db, article.id);
  return { article, claims, eventCursor };
}

import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import type { ArticleRevisionRow, ArticleRow, NewArticleRow } from '../types';

export type { ArticleRevisionRow, ArticleRow };
export type NewArticle = Omit<NewArticleRow, 'id' | 'updatedAt'>;

export async function findArticles(db: Db, options: { limit: number; offset: number }) {
  const { articles } = db.t;
  return db.q
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      dek: articles.dek,
      publisher: articles.publisher,
      author: articles.author,
      publishedAt: articles.publishedAt,
      createdAt: articles.createdAt,
    })
    .from(articles)
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset);
}

export async function findArticleBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
  const { articles } = db.t;
  const rows = await db.q.select().from(articles).where(eq(articles.slug, slug)).limit(1);
  return rows[0];
}

export async function findArticleById(db: Db, id: number): Promise<ArticleRow | undefined> {
  const { articles } = db.t;
  const rows = await db.q.select().from(articles).where(eq(articles.id, id)).limit(1);
  return rows[0];
}

export async function isArticleSlugTaken(db: Db, slug: string): Promise<boolean> {
  const { articles } = db.t;
  const rows = await db.q.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).limit(1);
  return rows.length > 0;
}

export async function insertArticleWithFirstRevision(db: Db, values: NewArticle): Promise<ArticleRow> {
  const now = new Date();
  const rows = await db.q
    .insert(db.t.articles)
    .values({ ...values, revisionNumber: 1, updatedAt: now })
    .returning();
  const article = rows[0];
  if (!article) throw new Error('insertArticle returned no row');
  await db.q.insert(db.t.articleRevisions).values({
    articleId: article.id,
    revisionNumber: 1,
    title: article.title,
    dek: article.dek,
    paragraphs: article.paragraphs,
    createdById: article.createdById,
  });
  return article;
}

/** Replaces an article's text if it is still at `expectedVersion`; undefined when it was not. */
export async function updateArticleTextIfVersion(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Pick<ArticleRow, 'title' | 'dek' | 'paragraphs' | 'revisionNumber'>,
): Promise<ArticleRow | undefined> {
  const { articles } = db.t;
  const rows = await db.q
    .update(articles)
    .set({ ...changes, updatedAt: new Date(), version: expectedVersion + 1 })
    .where(and(eq(articles.id, id), eq(articles.version, expectedVersion)))
    .returning();
  return rows[0];
}

export async function insertArticleRevision(
  db: Db,
  values: Omit<ArticleRevisionRow, 'id' | 'createdAt'>,
): Promise<ArticleRevisionRow> {
  const rows = await db.q.insert(db.t.articleRevisions).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insertArticleRevision returned no row');
  return row;
}

/** Every revision of an article with its author's name, newest first. */
export async function findRevisionsByArticle(db: Db, articleId: number) {
  const { articleRevisions, users } = db.t;
  return db.q
    .select({ revision: articleRevisions, createdByName: users.name })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdById))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.revisionNumber));
}

export async function findRevision(
  db: Db,
  articleId: number,
  revisionNumber: number,
): Promise<ArticleRevisionRow | undefined> {
  const { articleRevisions } = db.t;
  const rows = await db.q
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.revisionNumber, revisionNumber)))
    .limit(1);
  return rows[0];
}

import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import type { ArticleRow, NewArticleRow } from '../types';

export type { ArticleRow };
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

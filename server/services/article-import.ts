import type { AppDb } from '@/db/client';
import { isImportError, type ClassifiedArticle, type ImportSource } from '@/lib/article-import';
import { importArticle } from '../import';
import { DomainError } from '../errors';
import { requireRole, type Actor } from './actor';
import { enforceRateLimit, RATE_LIMITS } from './rate-limits';
import { storeArticle, type ArticleView, type NewArticleInput } from './articles';

/** Loopback and private addresses are refused unless this is set (tests serve pages from localhost). */
export function isPrivateImportAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.IMPORT_ALLOW_PRIVATE_ADDRESSES === '1';
}

/** Extracts the article from the source without storing anything, for the reviewer to check. */
export async function previewArticleImport(db: AppDb, actor: Actor | null, source: ImportSource): Promise<ClassifiedArticle> {
  const reviewer = requireRole(actor, 'reviewer');
  // A URL import makes the server fetch a page; every kind parses up to 2 MB.
  const limit = source.kind === 'url' ? RATE_LIMITS.urlImportsPerUser : RATE_LIMITS.articleParsesPerUser;
  await enforceRateLimit(db, limit, String(reviewer.id));
  try {
    return await importArticle(source, { allowPrivateAddresses: isPrivateImportAllowed() });
  } catch (error) {
    if (isImportError(error)) throw new DomainError('BAD_REQUEST', error.message, { importError: error.code });
    throw error;
  }
}

/** Stores the reviewed article and its first revision in one transaction. */
export async function saveImportedArticle(db: AppDb, actor: Actor | null, input: NewArticleInput): Promise<ArticleView> {
  const reviewer = requireRole(actor, 'reviewer');
  return storeArticle(db, input, reviewer.id);
}

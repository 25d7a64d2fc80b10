import { randomBytes } from 'node:crypto';
import type { AppDb } from '@/db/client';
import type { UserRole } from '@/lib/domain/enums';
import { createCaller } from '@/server/routers';
import type { Actor } from '@/server/services/actor';
import { storeArticle, type NewArticleInput } from '@/server/services/articles';
import { createUserUnchecked, setUserActive, type PublicUser } from '@/server/services/users';
import { createContext } from '@/server/trpc/context';

export const TEST_PASSWORD = 'test-password-123';

export type SeededUser = PublicUser & { actor: Actor };

export async function seedUser(
  db: AppDb,
  role: UserRole,
  overrides: { email?: string; name?: string; isActive?: boolean } = {},
): Promise<SeededUser> {
  const suffix = randomBytes(4).toString('hex');
  const user = await createUserUnchecked(
    db,
    {
      email: overrides.email ?? `${role}-${suffix}@example.test`,
      name: overrides.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${suffix}`,
      role,
      password: TEST_PASSWORD,
    },
    null,
  );
  const actor: Actor = { id: user.id, name: user.name, email: user.email, role: user.role };
  if (overrides.isActive === false) {
    const admin = await createUserUnchecked(
      db,
      { email: `deactivator-${suffix}@example.test`, name: 'Deactivator', role: 'admin', password: TEST_PASSWORD },
      null,
    );
    const adminActor: Actor = { id: admin.id, name: admin.name, email: admin.email, role: 'admin' };
    const deactivated = await setUserActive(db, adminActor, { userId: user.id, version: user.version, isActive: false });
    return { ...deactivated, actor };
  }
  return { ...user, actor };
}

/** A tRPC caller as the given user would have it: the context reloads the user from the database. */
export async function callerFor(db: AppDb, user: { id: number } | null) {
  return createCaller(await createContext({ db, sessionUserId: user?.id ?? null }));
}

export async function seedArticle(db: AppDb, overrides: Partial<NewArticleInput> = {}) {
  return storeArticle(
    db,
    {
      title: overrides.title ?? `Test article ${randomBytes(3).toString('hex')}`,
      dek: overrides.dek ?? 'A short standfirst.',
      paragraphs: overrides.paragraphs ?? ['First paragraph of the article.', 'Second paragraph with a claim.'],
      publisher: overrides.publisher ?? 'Test Times',
      author: overrides.author ?? 'A. Writer',
      url: overrides.url ?? 'https://example.com/article',
      publishedAt: overrides.publishedAt ?? new Date('2024-05-01T10:00:00Z'),
      language: overrides.language ?? 'en',
    },
    null,
  );
}

/** A claim on `article` over its first `length` characters, created by `by` through the service. */
export async function seedClaim(
  db: AppDb,
  article: { id: number; paragraphs: string[] },
  by: Actor,
  overrides: { start?: number; end?: number; statement?: string; assigneeId?: number | null } = {},
) {
  const { createClaim } = await import('@/server/services/claims');
  const text = article.paragraphs.join('\n\n');
  const start = overrides.start ?? 0;
  const end = overrides.end ?? Math.min(text.length, start + 20);
  const exact = text.slice(start, end);
  return createClaim(db, by, {
    articleId: article.id,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      position: { type: 'TextPositionSelector', start, end },
    },
    statement: overrides.statement ?? `Claim about ${exact}`,
    claimant: 'A. Claimant',
    assigneeId: overrides.assigneeId ?? null,
    tags: [],
  });
}

/** Ticks every checklist item and proposes a verdict; returns the ids and versions needed next. */
export async function seedProposal(db: AppDb, claimId: number, by: Actor, ratingIndex = 0) {
  const { getDeskSettings } = await import('@/server/services/settings');
  const { setChecklistItem, getClaimDetail } = await import('@/server/services/claims');
  const { proposeVerdict } = await import('@/server/services/verdicts');
  const settings = await getDeskSettings(db);
  const current = await getClaimDetail(db, by, claimId);
  for (const item of current.checklist) {
    // A published claim keeps the checklist it was approved with; only open work is ticked here.
    if (!item.isChecked) await setChecklistItem(db, by, { claimId, itemKey: item.key, isChecked: true });
  }
  const before = await getClaimDetail(db, by, claimId);
  const rating = settings.ratingScale[ratingIndex]!;
  const result = await proposeVerdict(db, by, {
    claimId,
    claimVersion: before.claim.version,
    ratingKey: rating.key,
    summary: 'A summary of the verdict for tests.',
    ruling: 'The ruling explains the verdict at some length for the tests.',
    sources: [{ url: 'https://example.org/source', title: 'A source' }],
    correctionNote: before.claim.status === 'published' ? 'Corrected after new evidence.' : null,
  });
  const detail = await getClaimDetail(db, by, claimId);
  const verdict = detail.verdicts.find((v) => v.id === result.verdictId)!;
  return { verdictId: verdict.id, verdictVersion: verdict.version, claimVersion: detail.claim.version };
}

/** The article's canonical text: paragraphs joined by a blank line, as anchors count it. */
export function canonicalTextOf(article: { paragraphs: string[] }): string {
  return article.paragraphs.join('\n\n');
}

/**
 * W3C selectors for the `occurrence`-th (1-based) appearance of `exact` in the article's
 * canonical text, as the browser computes them from a selection.
 */
export function selectorsFor(article: { paragraphs: string[] }, exact: string, occurrence = 1) {
  const text = canonicalTextOf(article);
  let start = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    start = text.indexOf(exact, start + 1);
    if (start < 0) throw new Error(`"${exact}" does not occur ${occurrence} time(s) in the article`);
  }
  const end = start + exact.length;
  return {
    quote: {
      type: 'TextQuoteSelector' as const,
      exact,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
    },
    position: { type: 'TextPositionSelector' as const, start, end },
  };
}

/**
 * Puts the desk's checklist and rating scale back to the defaults (on the stored versions), for
 * tests that change desk-wide settings on a database other tests share.
 */
export async function restoreDeskDefaults(db: AppDb, admin: Actor) {
  const { getDeskSettings, updateChecklist, updateRatingScale } = await import('@/server/services/settings');
  const { DEFAULT_CHECKLIST, DEFAULT_RATING_SCALE } = await import('@/lib/ratings');
  const current = await getDeskSettings(db);
  if (current.versions.checklist !== null && JSON.stringify(current.checklist) !== JSON.stringify(DEFAULT_CHECKLIST)) {
    await updateChecklist(db, admin, { items: DEFAULT_CHECKLIST, expectedVersion: current.versions.checklist });
  }
  if (current.versions.ratingScale !== null && JSON.stringify(current.ratingScale) !== JSON.stringify(DEFAULT_RATING_SCALE)) {
    await updateRatingScale(db, admin, { ratings: DEFAULT_RATING_SCALE, expectedVersion: current.versions.ratingScale });
  }
}

import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openPostgres } from '@/db/client';
import { countUsers } from '@/db/queries/users';
import { seedDemoData } from '@/server/seed/demo';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/server/seed/demo-accounts';
import { checkHealth } from '@/server/services/health';
import { authenticateUser } from '@/server/services/users';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedArticle, seedUser, type SeededUser } from './helpers/seed';

describe.each(testDialects())('articles, demo seed and health on %s', (dialect) => {
  let testDb: TestDb;
  let staff: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    staff = await seedUser(testDb.db, 'reviewer');
  });
  afterAll(() => testDb.dispose());

  it('reports the database as healthy after a real query', async () => {
    const report = await (await callerFor(testDb.db, null)).health.check();
    expect(report).toEqual({ status: 'ok', database: dialect === 'sqlite' ? 'sqlite' : 'postgres' });
  });

  it('lists articles newest first and pages through them', async () => {
    const first = await seedArticle(testDb.db, { title: 'Paging probe one' });
    const second = await seedArticle(testDb.db, { title: 'Paging probe two' });
    const { items, page } = await (await callerFor(testDb.db, staff)).articles.list({ page: 1 });
    expect(page).toBe(1);
    const ids = items.map((a) => a.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
  });

  it('keeps the staff article list from anonymous callers', async () => {
    await expect((await callerFor(testDb.db, null)).articles.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('gives same-titled articles distinct slugs', async () => {
    const a = await seedArticle(testDb.db, { title: 'Same title' });
    const b = await seedArticle(testDb.db, { title: 'Same title' });
    expect(a.slug).toBe('same-title');
    expect(b.slug).toBe('same-title-2');
  });

  it('answers NOT_FOUND for an unknown slug and BAD_REQUEST for a malformed one', async () => {
    const caller = await callerFor(testDb.db, staff);
    await expect(caller.articles.bySlug({ slug: 'no-such-article' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.articles.bySlug({ slug: '../etc/passwd' })).rejects.toBeInstanceOf(TRPCError);
    await expect(caller.articles.bySlug({ slug: '../etc/passwd' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe.each(testDialects())('demo seed on %s', (dialect) => {
  it('seeds the demo desk once: five accounts and the article without boilerplate', async () => {
    const testDb = await createTestDb(dialect);
    onTestFinished(() => testDb.dispose());
    const logged: string[] = [];
    expect(await seedDemoData(testDb.db, { log: (line) => logged.push(line) })).toBe(true);
    expect(await seedDemoData(testDb.db, { log: (line) => logged.push(line) })).toBe(false);
    expect(await countUsers(testDb.db)).toBe(DEMO_ACCOUNTS.length);
    expect(logged.join('\n')).toContain(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      expect((await authenticateUser(testDb.db, account.email, DEMO_PASSWORD))?.role).toBe(account.role);
    }
    const reviewer = await authenticateUser(testDb.db, 'reviewer@factdesk.test', DEMO_PASSWORD);
    const { items } = await (await callerFor(testDb.db, reviewer)).articles.list();
    const demo = items.find((a) => a.title.startsWith('Following deadly Ukrainian attack'));
    expect(demo).toBeDefined();
    const article = await (await callerFor(testDb.db, reviewer)).articles.bySlug({ slug: demo!.slug });
    const text = article.paragraphs.join('\n');
    expect(text).toContain('reportedly left 89 people dead');
    expect(text).toContain('Serhii Cherevatyi');
    expect(text).not.toContain('Sign up for The Week');
    expect(text).not.toContain('Justin Klawans has worked');
    expect(text).not.toContain('bailout');

    const workspace = await (await callerFor(testDb.db, reviewer)).articles.workspace({ slug: demo!.slug });
    expect(workspace.claims.map((c) => c.claimant)).toEqual([
      'Russian Ministry of Defence (as reported)',
      'Lt. Gen. Sergei Sevryukov',
      'Semyon Pegov (WarGonzo)',
      'Serhii Cherevatyi, Ukrainian Armed Forces spokesperson (via CNN)',
    ]);
    expect(workspace.claims.map((c) => c.status)).toEqual(['in_review', 'published', 'open', 'published']);
    const fullText = article.paragraphs.join('\n\n');
    for (const claim of workspace.claims) {
      const { start, end } = claim.selectors.position;
      expect(fullText.slice(start, end)).toBe(claim.selectors.quote.exact);
    }
    const detail = await (await callerFor(testDb.db, reviewer)).claims.detail({ claimId: workspace.claims[0]!.id });
    expect(detail.annotations.map((a) => a.kind).sort()).toEqual(['evidence', 'note', 'note', 'question']);
    expect(detail.verdicts).toHaveLength(1);
    expect(detail.verdicts[0]).toMatchObject({ status: 'pending', ratingLabel: 'Mostly true' });

    // Two published fact-checks, one corrected: the public side sees exactly those.
    const anonymous = await callerFor(testDb.db, null);
    const published = await anonymous.public.factChecks();
    expect(published.items.map((i) => i.claimant).sort()).toEqual([
      'Lt. Gen. Sergei Sevryukov',
      'Serhii Cherevatyi, Ukrainian Armed Forces spokesperson (via CNN)',
    ]);
    const corrected = await anonymous.public.factCheck({ slug: workspace.claims[1]!.slug });
    expect(corrected.rating.label).toBe('Misleading');
    expect(corrected.corrections).toHaveLength(1);
    expect(corrected.earlierVerdicts.map((v) => v.ratingLabel)).toEqual(['Unproven']);
    await expect(anonymous.public.factCheck({ slug: workspace.claims[0]!.slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

});

describe('health when the database is unreachable', () => {
  it('reports unavailable instead of throwing', async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const db = await openPostgres('postgres://factdesk@127.0.0.1:9/none');
    try {
      expect(await checkHealth(db)).toEqual({ status: 'unavailable', database: 'postgres' });
    } finally {
      await db.close();
    }
  });
});

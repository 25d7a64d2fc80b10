import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/routers';
import { ALL_PUBLIC_PAGES } from '@/server/public-cache-relay';
import { createContext } from '@/server/trpc/context';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedUser } from './helpers/seed';

describe.each(testDialects())('organisation settings on %s', (dialect) => {
  let testDb: TestDb;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
  });
  afterAll(() => testDb.dispose());

  it('lets an admin change the organisation, shows it on the methodology page, and audits it', async () => {
    const admin = await seedUser(testDb.db, 'admin');
    const asAdmin = await callerFor(testDb.db, admin);
    const before = await asAdmin.desk.organisation();
    expect(before.version).toBeNull();
    const saved = await asAdmin.desk.updateOrganisation({
      expectedVersion: before.version,
      settings: {
        name: 'Harbour Checks',
        url: 'https://harbour.example',
        logoUrl: 'https://harbour.example/logo.png',
        methodology: 'We check **numbers** first.',
        correctionsPolicy: 'We correct promptly.',
      },
    });
    expect(saved).toMatchObject({ name: 'Harbour Checks', version: 1 });
    const methodology = await (await callerFor(testDb.db, null)).public.methodology();
    expect(methodology.organisation.name).toBe('Harbour Checks');
    expect(methodology.methodology).toBe('We check **numbers** first.');
    // A second admin still holding the first version is told, not overwritten.
    await expect(
      asAdmin.desk.updateOrganisation({ expectedVersion: null, settings: { ...saved, name: 'Someone else' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await asAdmin.desk.organisation()).name).toBe('Harbour Checks');
  });

  it('refuses non-http links and is closed to editors', async () => {
    const admin = await seedUser(testDb.db, 'admin');
    const editor = await seedUser(testDb.db, 'editor');
    const current = await (await callerFor(testDb.db, admin)).desk.organisation();
    const { version, ...settings } = current;
    await expect(
      (await callerFor(testDb.db, admin)).desk.updateOrganisation({
        expectedVersion: version,
        settings: { ...settings, logoUrl: 'javascript:alert(1)' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect((await callerFor(testDb.db, editor)).desk.organisation()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('revalidates every public page when the organisation or the rating scale changes, since both show on all of them', async () => {
    const admin = await seedUser(testDb.db, 'admin');
    const revalidated: string[][] = [];
    const asAdmin = createCaller(
      await createContext({ db: testDb.db, sessionUserId: admin.id, revalidatePublicPaths: (paths) => void revalidated.push(paths) }),
    );
    const organisation = await asAdmin.desk.organisation();
    const { name: _name, version, ...rest } = organisation;
    await asAdmin.desk.updateOrganisation({ expectedVersion: version, settings: { ...rest, name: 'Renamed Desk' } });
    const settings = await asAdmin.desk.settings();
    await asAdmin.desk.updateRatingScale({ ratings: settings.ratingScale, expectedVersion: settings.versions.ratingScale });
    expect(revalidated).toEqual([[ALL_PUBLIC_PAGES], [ALL_PUBLIC_PAGES]]);
    // A refused change revalidates nothing.
    await expect(asAdmin.desk.updateOrganisation({ expectedVersion: version, settings: { ...rest, name: 'Stale' } })).rejects.toThrow();
    expect(revalidated).toHaveLength(2);
  });
});

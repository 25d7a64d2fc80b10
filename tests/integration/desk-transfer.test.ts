import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite, type AppDb } from '@/db/client';
import { DESK_TABLES, insertRows, listSchemaTables } from '@/db/queries/desk-transfer';
import { migrateDatabase } from '@/db/migrate';
import * as pgSchema from '@/db/schema/pg';
import * as sqliteSchema from '@/db/schema/sqlite';
import { createAnnotation, deleteAnnotation, setAnnotationHidden } from '@/server/services/annotations';
import { reviseArticle } from '@/server/services/article-revisions';
import {
  DeskTransferError,
  exportDesk,
  importDesk,
  parseDeskFile,
  type DeskFile,
} from '@/server/services/desk-transfer';
import { updateOrganisationSettings } from '@/server/services/organisation';
import { authenticateUser } from '@/server/services/users';
import { dismissClaim } from '@/server/services/verdicts';
import { DEMO_PASSWORD } from '@/server/seed/demo-accounts';
import { seedDemoData } from '@/server/seed/demo';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { seedArticle, seedClaim, seedUser } from './helpers/seed';

/** The demo desk plus rows that exercise every table and column kind the demo leaves empty or plain. */
async function seedRichDesk(db: AppDb) {
  await seedDemoData(db, { log: () => undefined });
  const admin = (await authenticateUser(db, 'admin@factdesk.test', DEMO_PASSWORD))!;
  const editor = (await authenticateUser(db, 'editor@factdesk.test', DEMO_PASSWORD))!;
  const reviewer = (await authenticateUser(db, 'reviewer@factdesk.test', DEMO_PASSWORD))!;
  await updateOrganisationSettings(db, admin, {
    settings: {
      name: 'Le Vérificateur “Ünïcode” ✓ 事实',
      url: 'https://desk.example.org',
      logoUrl: 'https://desk.example.org/logo.png',
      methodology: '# How we check\n\nWe read the **sources**.\n\n- one\n- two',
      correctionsPolicy: 'We correct errors promptly.',
    },
    expectedVersion: null,
  });
  await seedUser(db, 'reviewer', { name: 'Former Reviewer', isActive: false });

  const article = await seedArticle(db, {
    title: 'Bridge opening delayed',
    paragraphs: [
      'Officials said on Tuesday that the new bridge will open in March, two months late.',
      'The mayor said that fourty percent of the roads were repaired in 2023.',
    ],
  });
  const claim = await seedClaim(db, article, reviewer, { start: 18, end: 60, statement: 'The bridge opens in March' });
  const fuzzy = await seedClaim(db, article, reviewer, { start: 84, end: 137 });
  const dismissed = await seedClaim(db, article, reviewer, { start: 0, end: 9 });
  await dismissClaim(db, editor, { claimId: dismissed.id, version: dismissed.version, reason: 'Not checkable.' });
  await reviseArticle(db, reviewer, {
    articleId: article.id,
    version: article.version,
    title: 'Bridge opening delayed (updated)',
    dek: null,
    paragraphs: [
      'Officials said on Tuesday that the new bridge will open in March, two months late.',
      'The mayor said that forty percent of the roads were repaired in 2023.',
    ],
  });

  const evidence = await createAnnotation(db, reviewer, {
    claimId: claim.id,
    parentId: null,
    kind: 'evidence',
    body: 'The council minutes say otherwise.',
    evidence: {
      sourceUrl: 'https://council.example.org/minutes',
      sourceTitle: 'Council minutes',
      excerpt: 'Opening: "late spring"',
      archiveUrl: 'https://archive.example.org/minutes',
      stance: 'contradicts',
    },
  });
  await createAnnotation(db, editor, { claimId: claim.id, parentId: evidence.id, kind: 'note', body: 'Good find — ✓', evidence: null });
  const hidden = await createAnnotation(db, reviewer, { claimId: fuzzy.id, parentId: null, kind: 'question', body: 'Which roads?', evidence: null });
  await setAnnotationHidden(db, editor, { annotationId: hidden.id, isHidden: true });
  const deleted = await createAnnotation(db, reviewer, { claimId: fuzzy.id, parentId: null, kind: 'note', body: 'Typo', evidence: null });
  await deleteAnnotation(db, reviewer, { annotationId: deleted.id, version: deleted.version });

  await insertRows(db, 'rateLimitBuckets', [
    { key: 'sign-in:reviewer@factdesk.test', windowStartedAt: new Date('2026-01-02T03:04:05.678Z'), hits: 3 },
  ]);
}

/** What a file on disk gives back: the export through JSON text. */
const throughFile = (file: DeskFile) => parseDeskFile(JSON.stringify(file));

const targets = testDialects().filter((d) => d !== 'sqlite');

describe('desk export covers the schema', () => {
  it('lists every table of both schemas, so a new table fails here until export and import know it', () => {
    const covered = DESK_TABLES.map((t) => t.key).sort();
    expect(listSchemaTables(sqliteSchema).sort()).toEqual(covered);
    expect(listSchemaTables(pgSchema).sort()).toEqual(covered);
  });
});

describe('desk file validation', () => {
  let source: TestDb;
  let file: DeskFile;

  beforeAll(async () => {
    source = await createTestDb('sqlite');
    await seedRichDesk(source.db);
    file = await exportDesk(source.db);
  });
  afterAll(async () => {
    await source?.dispose();
  });

  it('refuses a file of another format or version with a clear message', () => {
    expect(() => parseDeskFile('not json')).toThrow(/not valid JSON/);
    expect(() => parseDeskFile(JSON.stringify({ ...file, format: 'something-else' }))).toThrow(
      'This is not a Factdesk desk export (expected "format": "factdesk-desk").',
    );
    expect(() => parseDeskFile(JSON.stringify({ ...file, version: 2 }))).toThrow(
      'Unsupported desk export version 2; this Factdesk reads version 1.',
    );
  });

  it('names the table, row and column of a malformed row, and a missing table', () => {
    const claims = file.tables.claims.map((c, i) => (i === 1 ? { ...c, status: 'bogus' } : c));
    const { verdicts: _verdicts, ...withoutVerdicts } = file.tables;
    expect(() => parseDeskFile(JSON.stringify({ ...file, tables: { ...file.tables, claims } }))).toThrow(/tables\.claims\[1\]\.status: Invalid option/);
    expect(() => parseDeskFile(JSON.stringify({ ...file, tables: withoutVerdicts }))).toThrow(/tables\.verdicts: Invalid input: expected array/);
    const users = file.tables.users.map((u, i) => (i === 0 ? { ...u, createdAt: 'yesterday' } : u));
    expect(() => parseDeskFile(JSON.stringify({ ...file, tables: { ...file.tables, users } }))).toThrow(/tables\.users\[0\]\.createdAt/);
  });
});

describe.each(targets)('desk round trip SQLite → %s → SQLite', (target) => {
  let source: TestDb;
  let middle: TestDb;
  let back: TestDb;
  let original: DeskFile;

  beforeAll(async () => {
    [source, middle, back] = await Promise.all([createTestDb('sqlite'), createTestDb(target), createTestDb('sqlite')]);
    await seedRichDesk(source.db);
    original = await exportDesk(source.db);
  });
  afterAll(async () => {
    await Promise.all([source?.dispose(), middle?.dispose(), back?.dispose()]);
  });

  it('keeps every row of every table exactly', async () => {
    for (const { key } of DESK_TABLES) expect(original.tables[key].length, `rows in ${key}`).toBeGreaterThan(0);

    await importDesk(middle.db, throughFile(original), { replace: false });
    const inTarget = await exportDesk(middle.db);
    expect(inTarget.tables).toEqual(original.tables);

    await importDesk(back.db, throughFile(inTarget), { replace: false });
    const returned = await exportDesk(back.db);
    expect(returned.tables).toEqual(original.tables);
  });

  it('lets imported users sign in, and gives new rows ids past the imported ones', async () => {
    const reviewer = await authenticateUser(middle.db, 'reviewer@factdesk.test', DEMO_PASSWORD);
    expect(reviewer?.role).toBe('reviewer');
    const maxUserId = Math.max(...original.tables.users.map((u) => u.id as number));
    const maxAnnotationId = Math.max(...original.tables.annotations.map((a) => a.id as number));
    const user = await seedUser(middle.db, 'editor');
    expect(user.id).toBe(maxUserId + 1);
    const claimId = original.tables.claims[0]!.id as number;
    const note = await createAnnotation(middle.db, reviewer, { claimId, parentId: null, kind: 'note', body: 'After import', evidence: null });
    expect(note.id).toBe(maxAnnotationId + 1);
  });
});

describe.each(testDialects())('desk import into %s', (dialect) => {
  let source: TestDb;
  let target: TestDb;
  let file: DeskFile;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDb('sqlite'), createTestDb(dialect)]);
    await seedRichDesk(source.db);
    file = throughFile(await exportDesk(source.db));
    // The target holds a different, smaller desk of its own.
    await seedArticle(target.db, { title: 'Only in the target' });
    await seedUser(target.db, 'admin', { email: 'target-admin@example.test' });
  });
  afterAll(async () => {
    await Promise.all([source?.dispose(), target?.dispose()]);
  });

  it('refuses a database that is not empty, and leaves it as it was', async () => {
    const before = await exportDesk(target.db);
    await expect(importDesk(target.db, file, { replace: false })).rejects.toThrow(
      new DeskTransferError(
        'The target database is not empty; nothing was imported. Pass --replace to delete its desk and import this one instead.',
      ),
    );
    expect((await exportDesk(target.db)).tables).toEqual(before.tables);
  });

  it('rolls back a file that fails half-way, even with --replace, leaving the target untouched', async () => {
    const before = await exportDesk(target.db);
    // Valid in shape, but a late row points at an article that does not exist: the failure
    // comes after the existing desk was deleted and earlier tables were written.
    const broken = structuredClone(file);
    broken.tables.claimFollows.push({ userId: 999_999, claimId: 999_999, createdAt: '2026-01-01T00:00:00.000Z' });
    await expect(importDesk(target.db, broken, { replace: true })).rejects.toThrow(/The import failed and nothing was changed/);
    expect((await exportDesk(target.db)).tables).toEqual(before.tables);
    await expect(importDesk(target.db, { ...file, version: 3 }, { replace: true })).rejects.toThrow(/Unsupported desk export version 3/);
    expect((await exportDesk(target.db)).tables).toEqual(before.tables);
  });

  it('replaces the desk with --replace', async () => {
    const result = await importDesk(target.db, file, { replace: true });
    expect(result.replaced).toBe(true);
    expect((await exportDesk(target.db)).tables).toEqual(file.tables);
  });
});

describe('npm run export / npm run import', () => {
  let dir: string;
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const run = (script: string, databaseFile: string, args: string[]) => {
    const result = spawnSync(tsx, [path.join('scripts', script), ...args], {
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const withDb = async <T>(file: string, work: (db: AppDb) => Promise<T>) => {
    const db = await openSqlite(file);
    try {
      await migrateDatabase(db);
      return await work(db);
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-transfer-cli-'));
    await withDb(path.join(dir, 'source.db'), seedRichDesk);
    await withDb(path.join(dir, 'other.db'), (db) => seedArticle(db, { title: 'Only in the other desk' }));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports to a file, imports it into an empty database, refuses a non-empty one without --replace', async () => {
    const file = path.join(dir, 'desk.json');
    const exported = run('export-desk.ts', path.join(dir, 'source.db'), [file]);
    expect(exported.output).toMatch(/^Exported the desk to .*desk\.json: users 7, /);
    expect(exported.status).toBe(0);

    const imported = run('import-desk.ts', path.join(dir, 'empty.db'), [file]);
    expect(imported.status).toBe(0);
    expect(imported.output).toMatch(/^Imported .*desk\.json: users 7, /);
    const original = await withDb(path.join(dir, 'source.db'), exportDesk);
    expect((await withDb(path.join(dir, 'empty.db'), exportDesk)).tables).toEqual(original.tables);

    const refused = run('import-desk.ts', path.join(dir, 'other.db'), [file]);
    expect(refused.status).toBe(1);
    expect(refused.output.trim()).toBe(
      'The target database is not empty; nothing was imported. Pass --replace to delete its desk and import this one instead.',
    );
    const replaced = run('import-desk.ts', path.join(dir, 'other.db'), [file, '--replace']);
    expect(replaced.status).toBe(0);
    expect(replaced.output).toMatch(/^Replaced the desk with /);
    expect((await withDb(path.join(dir, 'other.db'), exportDesk)).tables).toEqual(original.tables);
  });

  it('refuses a file that is not a desk export, and a missing argument', () => {
    const wrong = path.join(dir, 'wrong.json');
    fs.writeFileSync(wrong, JSON.stringify({ format: 'factdesk-desk', version: 9 }));
    const refused = run('import-desk.ts', path.join(dir, 'never-created.db'), [wrong]);
    expect(refused.status).toBe(1);
    expect(refused.output.trim()).toBe('Unsupported desk export version 9; this Factdesk reads version 1.');
    // The file is checked before the database is opened.
    expect(fs.existsSync(path.join(dir, 'never-created.db'))).toBe(false);
    const usage = run('import-desk.ts', path.join(dir, 'never-created.db'), []);
    expect(usage.status).toBe(2);
    expect(usage.output.trim()).toBe('Usage: npm run import -- <file.json> [--replace]');
  });
});

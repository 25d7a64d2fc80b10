import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditEvent } from '@/db/queries/audit';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';

// Concurrent transactions: on SQLite they are queued and committed in groups (one fsync for
// several), each in its own savepoint. Whatever the grouping, each one commits or rolls back
// on its own, and notifications follow only the ones that committed.
describe.each(testDialects())('concurrent transactions on %s', (dialect) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb(dialect);
  });
  afterAll(() => testDb.dispose());

  const countActions = async (action: string) => {
    const { auditEvents } = testDb.db.t;
    const rows = await testDb.db.q.select({ value: count() }).from(auditEvents).where(eq(auditEvents.action, action));
    return rows[0]!.value;
  };

  it('rolls back only the transaction that failed, keeping the others of the same burst', async () => {
    const { db } = testDb;
    const heard: string[] = [];
    const stop = db.listen('group-test', (payload) => void heard.push(payload ?? ''));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        db.transaction(async (tx) => {
          await insertAuditEvent(tx, { entityType: 'settings', entityId: index, action: 'group.test', actorId: null });
          await tx.notify('group-test', String(index));
          if (index % 7 === 3) throw new Error(`job ${index} fails after writing`);
          return index;
        }),
      ),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual([3, 10, 17]);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual(
      Array.from({ length: 20 }, (_, i) => i).filter((i) => !failed.includes(i)),
    );
    expect(await countActions('group.test')).toBe(17);
    stop();
    // SQLite's notifications are delivered in-process after the group's commit; PostgreSQL
    // delivers NOTIFY itself (asynchronously, once LISTEN is set up), covered by live.test.ts.
    if (dialect !== 'sqlite') return;
    expect(heard.sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i))
        .filter((i) => !failed.includes(Number(i)))
        .sort(),
    );
  });

  it('lets a later transaction of the burst see what an earlier one committed', async () => {
    const { db } = testDb;
    const seen = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        db.transaction(async (tx) => {
          await insertAuditEvent(tx, { entityType: 'settings', entityId: index, action: 'group.sequence', actorId: null });
          const { auditEvents } = tx.t;
          const rows = await tx.q.select({ value: count() }).from(auditEvents).where(eq(auditEvents.action, 'group.sequence'));
          return rows[0]!.value;
        }),
      ),
    );
    // On SQLite they run one at a time; on PostgreSQL concurrently, each seeing at least its own row.
    if (dialect === 'sqlite') expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    else expect(seen.every((n) => n >= 1 && n <= 8)).toBe(true);
    expect(await countActions('group.sequence')).toBe(8);
  });
});

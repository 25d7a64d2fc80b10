import { and, asc, desc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { serialiseEventWriters, type Db } from '../client';

export type NewEventRow = {
  articleId: number;
  claimId: number | null;
  type: string;
  actorId: number | null;
  /** Already serialised (superjson), so dates survive the JSON column on both dialects. */
  payload: unknown;
};

/** The topic on which an article's new events are announced. */
export const articleEventsTopic = (articleId: number) => `article-events:${articleId}`;
/** Announced once per transaction that wrote any event, whatever its article. */
export const ANY_EVENTS_TOPIC = 'events';

/**
 * Appends to the events log and announces it once the transaction commits. Call it as the
 * last write of a transaction: on PostgreSQL it takes a lock held until commit.
 */
export async function insertEvents(db: Db, rows: NewEventRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  await serialiseEventWriters(db);
  const { events } = db.t;
  const inserted = await db.q
    .insert(events)
    .values(rows.map((row) => ({ ...row, createdAt: new Date() })))
    .returning({ id: events.id });
  for (const articleId of new Set(rows.map((r) => r.articleId))) {
    await db.notify(articleEventsTopic(articleId), '');
  }
  await db.notify(ANY_EVENTS_TOPIC, '');
  return inserted.map((r) => r.id);
}

export async function findEventsAfter(
  db: Db,
  filter: { afterId: number; articleId?: number; types?: readonly string[]; limit: number },
) {
  const { events, users } = db.t;
  const conditions: SQL[] = [gt(events.id, filter.afterId)];
  if (filter.articleId !== undefined) conditions.push(eq(events.articleId, filter.articleId));
  if (filter.types) conditions.push(inArray(events.type, [...filter.types]));
  return db.q
    .select({ event: events, actorName: users.name })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(and(...conditions))
    .orderBy(asc(events.id))
    .limit(filter.limit);
}

/** The newest event id, or 0 when the log is empty. */
export async function findLatestEventId(db: Db): Promise<number> {
  const { events } = db.t;
  const [row] = await db.q.select({ id: events.id }).from(events).orderBy(desc(events.id)).limit(1);
  return row?.id ?? 0;
}

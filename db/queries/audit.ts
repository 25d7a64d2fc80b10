import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';

export type NewAuditEvent = {
  entityType: 'user' | 'article' | 'claim' | 'annotation' | 'verdict' | 'settings';
  entityId: number;
  action: string;
  actorId: number | null;
  claimId?: number | null;
  articleId?: number | null;
  before?: unknown;
  after?: unknown;
};

export async function insertAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
  await db.q.insert(db.t.auditEvents).values({
    entityType: event.entityType,
    entityId: event.entityId,
    action: event.action,
    actorId: event.actorId,
    claimId: event.claimId ?? null,
    articleId: event.articleId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    createdAt: new Date(),
  });
}

export async function findAuditEventsForEntity(db: Db, entityType: NewAuditEvent['entityType'], entityId: number) {
  const { auditEvents } = db.t;
  return db.q
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(asc(auditEvents.id));
}

/**
 * The newest audit event of one entity, or of anything on a claim, with its author's name:
 * whom a writer holding a stale version lost to.
 */
export async function findLatestAuditEvent(
  db: Db,
  of: { entityType: NewAuditEvent['entityType']; entityId: number } | { claimId: number },
) {
  const { auditEvents, users } = db.t;
  const condition =
    'claimId' in of
      ? eq(auditEvents.claimId, of.claimId)
      : and(eq(auditEvents.entityType, of.entityType), eq(auditEvents.entityId, of.entityId));
  const [row] = await db.q
    .select({ createdAt: auditEvents.createdAt, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(condition)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

export async function findAuditEventsForClaim(db: Db, claimId: number) {
  const { auditEvents, users } = db.t;
  return db.q
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.claimId, claimId))
    .orderBy(asc(auditEvents.id));
}

export async function findRecentAuditEventsForClaims(db: Db, claimIds: number[], limit: number) {
  if (claimIds.length === 0) return [];
  const { auditEvents, users, claims } = db.t;
  return db.q
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      createdAt: auditEvents.createdAt,
      claimId: auditEvents.claimId,
      actorName: users.name,
      claimStatement: claims.statement,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .innerJoin(claims, eq(claims.id, auditEvents.claimId))
    .where(inArray(auditEvents.claimId, claimIds))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

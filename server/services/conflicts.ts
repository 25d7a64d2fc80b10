// What a writer who lost a race is told besides the row as it is now: who changed it last, when.
import type { Db } from '@/db/client';
import { findLatestAuditEvent } from '@/db/queries/audit';

export async function describeLastChange(
  db: Db,
  of: Parameters<typeof findLatestAuditEvent>[1],
  updatedAt: Date,
): Promise<{ changedBy: string | null; changedAt: Date }> {
  const last = await findLatestAuditEvent(db, of);
  return { changedBy: last?.actorName ?? null, changedAt: last?.createdAt ?? updatedAt };
}

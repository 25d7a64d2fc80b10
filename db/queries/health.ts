import { count } from 'drizzle-orm';
import type { Db } from '../client';

/** A real round trip to the database: counts a small table. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.q.select({ value: count() }).from(db.t.settings);
}

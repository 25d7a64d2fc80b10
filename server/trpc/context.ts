import { randomUUID } from 'node:crypto';
import type { AppDb } from '@/db/client';
import type { Actor } from '../services/actor';
import { findActiveActor } from '../services/users';

export type Context = {
  db: AppDb;
  /** The signed-in user, reloaded from the database on every request: a deactivated account is signed out at once. */
  user: Actor | null;
  requestId: string;
  /**
   * Tells the web layer which public pages changed (e.g. after an approval) so their cached
   * copies are revalidated. A no-op outside a Next.js request (tests, scripts).
   */
  revalidatePublicPaths: (paths: string[]) => void;
};

export async function createContext({
  db,
  sessionUserId,
  requestId = randomUUID(),
  revalidatePublicPaths = () => undefined,
}: {
  db: AppDb;
  sessionUserId: number | null | undefined;
  requestId?: string;
  revalidatePublicPaths?: (paths: string[]) => void;
}): Promise<Context> {
  const user = sessionUserId ? await findActiveActor(db, sessionUserId) : null;
  return { db, user, requestId, revalidatePublicPaths };
}

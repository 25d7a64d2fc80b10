// Public pages are cached per app instance. When a change that readers see commits on one
// instance, the others hear of it through the database's notifications (LISTEN/NOTIFY on
// PostgreSQL) and each revalidates its own cache by calling its own internal route, since
// Next.js revalidates only inside a request.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppDb } from '@/db/client';

const TOPIC = 'public-cache';
const MAX_PATHS = 200;

type Relay = { instanceId: string; token: string; started: WeakSet<AppDb> };
const holder = globalThis as typeof globalThis & { __factdeskPublicCacheRelay?: Relay };
// globalThis, because every route of a Next.js server is bundled with its own module copies.
const relay: Relay = (holder.__factdeskPublicCacheRelay ??= {
  instanceId: randomBytes(8).toString('hex'),
  token: randomBytes(32).toString('hex'),
  started: new WeakSet(),
});

export const PUBLIC_CACHE_RELAY_HEADER = 'x-factdesk-relay-token';

/** Stands for every public page: desk-wide settings (name, rating labels) show on all of them. */
export const ALL_PUBLIC_PAGES = '/*';

/** True only for this process's own relay calls. */
export function isRelayToken(value: string | null): boolean {
  if (!value) return false;
  const given = Buffer.from(value);
  const expected = Buffer.from(relay.token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Tells the other instances that these public paths changed. */
export async function announcePublicChange(db: AppDb, paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  try {
    await db.notify(TOPIC, JSON.stringify({ from: relay.instanceId, paths: paths.slice(0, MAX_PATHS) }));
  } catch (error) {
    // The pages still expire by their `revalidate` time; a lost announcement only delays them.
    console.error('[public-cache] could not announce a change:', error instanceof Error ? error.message : error);
  }
}

function parseAnnouncement(payload: string): string[] | null {
  try {
    const message = JSON.parse(payload) as { from?: unknown; paths?: unknown };
    if (message.from === relay.instanceId || !Array.isArray(message.paths)) return null;
    return message.paths.filter((p): p is string => typeof p === 'string' && p.startsWith('/')).slice(0, MAX_PATHS);
  } catch {
    return null;
  }
}

/** Starts hearing other instances' announcements (once per database handle). */
export function startPublicCacheRelay(db: AppDb): void {
  const port = process.env.PORT;
  if (relay.started.has(db) || !port || !/^\d{1,5}$/.test(port)) return;
  relay.started.add(db);
  db.listen(TOPIC, (payload) => {
    const paths = payload === null ? null : parseAnnouncement(payload);
    if (!paths || paths.length === 0) return;
    fetch(`http://127.0.0.1:${port}/api/internal/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PUBLIC_CACHE_RELAY_HEADER]: relay.token },
      body: JSON.stringify({ paths }),
      signal: AbortSignal.timeout(10_000),
    }).catch((error: unknown) => {
      console.error('[public-cache] could not revalidate:', error instanceof Error ? error.message : error);
    });
  });
}

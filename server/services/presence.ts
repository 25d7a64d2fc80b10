// Who is viewing which article, across every app instance. Each instance announces its own
// open workspace streams (on join, on leave, and by heartbeat); entries heard from other
// instances expire when their heartbeats stop, so a crashed instance's viewers disappear too.
import { randomUUID } from 'node:crypto';
import type { AppDb } from '@/db/client';
import { findArticleById } from '@/db/queries/articles';
import { notFound } from '../errors';
import { requireRole, type Actor } from './actor';

export type PresentViewer = { userId: number; name: string; initials: string };

const TOPIC = 'presence';
const HEARTBEAT_MS = 3_000;
const EXPIRES_AFTER_MS = 10_000;
const ENTRIES_PER_MESSAGE = 40;

type Entry = { articleId: number; userId: number; name: string; expiresAt: number };
type WireEntry = { c: string; a: number; u: number; n: string };
type Message = { op: 'here' | 'gone'; from: string; entries: WireEntry[] };

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => Array.from(w ?? '')[0]?.toUpperCase() ?? '').join('') || '?';
}

class PresenceRegistry {
  private readonly instanceId = randomUUID();
  private readonly local = new Map<string, Entry>();
  private readonly remote = new Map<string, Entry>();
  private readonly waiters = new Map<number, Set<() => void>>();
  private timer: NodeJS.Timeout | null = null;
  private readonly stopListening: () => void;

  constructor(private readonly db: AppDb) {
    this.stopListening = db.listen(TOPIC, (payload) => {
      // null: the connection to the other instances was lost for a while; re-announce ourselves.
      if (payload === null) void this.announce('here', [...this.local.keys()]);
      else this.receive(payload);
    });
  }

  join(articleId: number, viewer: Actor): string {
    const connectionId = randomUUID();
    this.local.set(connectionId, { articleId, userId: viewer.id, name: viewer.name, expiresAt: Infinity });
    this.ensureTimer();
    this.wake(articleId);
    void this.announce('here', [connectionId]);
    return connectionId;
  }

  leave(connectionId: string): void {
    const entry = this.local.get(connectionId);
    if (!entry) return;
    // Announce before forgetting: the message is built from the entry.
    void this.announce('gone', [connectionId]).finally(() => this.local.delete(connectionId));
    this.local.set(connectionId, { ...entry, expiresAt: 0 });
    this.wake(entry.articleId);
  }

  viewersOf(articleId: number): PresentViewer[] {
    const now = Date.now();
    const byUser = new Map<number, PresentViewer>();
    for (const entry of [...this.local.values(), ...this.remote.values()]) {
      if (entry.articleId !== articleId || entry.expiresAt <= now) continue;
      byUser.set(entry.userId, { userId: entry.userId, name: entry.name, initials: initialsOf(entry.name) });
    }
    return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId - b.userId);
  }

  /** Resolves at the next change on the article, or when `signal` aborts. */
  waitForChange(articleId: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiters.get(articleId) ?? new Set();
      this.waiters.set(articleId, set);
      const done = () => {
        set.delete(done);
        if (set.size === 0) this.waiters.delete(articleId);
        signal.removeEventListener('abort', done);
        resolve();
      };
      set.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private wake(articleId: number): void {
    for (const done of [...(this.waiters.get(articleId) ?? [])]) done();
  }

  private async announce(op: Message['op'], connectionIds: string[]): Promise<void> {
    const entries: WireEntry[] = [];
    for (const c of connectionIds) {
      const entry = this.local.get(c);
      if (entry) entries.push({ c, a: entry.articleId, u: entry.userId, n: entry.name.slice(0, 80) });
    }
    for (let i = 0; i < entries.length; i += ENTRIES_PER_MESSAGE) {
      const message: Message = { op, from: this.instanceId, entries: entries.slice(i, i + ENTRIES_PER_MESSAGE) };
      try {
        await this.db.notify(TOPIC, JSON.stringify(message));
      } catch (error) {
        // Presence is best effort; the next heartbeat repairs it.
        console.error('[presence] could not announce:', error instanceof Error ? error.message : error);
      }
    }
  }

  private receive(payload: string): void {
    let message: Message;
    try {
      message = JSON.parse(payload) as Message;
    } catch {
      return;
    }
    if (message.from === this.instanceId || !Array.isArray(message.entries)) return;
    const touched = new Set<number>();
    for (const e of message.entries) {
      const key = `${message.from}:${e.c}`;
      if (message.op === 'gone') {
        if (this.remote.delete(key)) touched.add(e.a);
        continue;
      }
      const isNew = !this.remote.has(key);
      this.remote.set(key, { articleId: e.a, userId: e.u, name: e.n, expiresAt: Date.now() + EXPIRES_AFTER_MS });
      if (isNew) touched.add(e.a);
    }
    if (this.remote.size > 0) this.ensureTimer();
    for (const articleId of touched) this.wake(articleId);
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), HEARTBEAT_MS);
    this.timer.unref();
  }

  private tick(): void {
    const now = Date.now();
    for (const [key, entry] of this.remote) {
      if (entry.expiresAt <= now) {
        this.remote.delete(key);
        this.wake(entry.articleId);
      }
    }
    const alive = [...this.local].filter(([, e]) => e.expiresAt > now).map(([c]) => c);
    if (alive.length > 0) void this.announce('here', alive);
    if (this.local.size === 0 && this.remote.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  close(): void {
    this.stopListening();
    if (this.timer) clearInterval(this.timer);
  }
}

const registries = new WeakMap<AppDb, PresenceRegistry>();

function presenceFor(db: AppDb): PresenceRegistry {
  let registry = registries.get(db);
  if (!registry) {
    registry = new PresenceRegistry(db);
    registries.set(db, registry);
  }
  return registry;
}

/** Opens a stream of the article's viewers (the subscriber included), sent each time they change. */
export async function openPresence(
  db: AppDb,
  actor: Actor | null,
  input: { articleId: number },
  signal: AbortSignal,
): Promise<AsyncGenerator<{ viewers: PresentViewer[] }>> {
  const viewer = requireRole(actor, 'reviewer');
  if (!(await findArticleById(db, input.articleId))) throw notFound('Article');
  return streamViewers(presenceFor(db), input.articleId, viewer, signal);
}

async function* streamViewers(
  registry: PresenceRegistry,
  articleId: number,
  viewer: Actor,
  signal: AbortSignal,
): AsyncGenerator<{ viewers: PresentViewer[] }> {
  const connectionId = registry.join(articleId, viewer);
  try {
    let last = '';
    while (!signal.aborted) {
      const viewers = registry.viewersOf(articleId);
      const key = JSON.stringify(viewers);
      if (key !== last) {
        last = key;
        yield { viewers };
        // Look again before waiting: viewers may have come or gone while the client read.
        continue;
      }
      await registry.waitForChange(articleId, signal);
    }
  } finally {
    registry.leave(connectionId);
  }
}

// The live-collaboration log. Services append an event in the same transaction as the change
// it describes; workspace and review-queue streams read the log from a subscriber's last id,
// so a reconnecting client gets every event once, in order, whichever instance it reaches.
import superjson, { type SuperJSONResult } from 'superjson';
import type { AppDb, Db } from '@/db/client';
import { findArticleById } from '@/db/queries/articles';
import {
  ANY_EVENTS_TOPIC,
  articleEventsTopic,
  findEventsAfter,
  findLatestEventId,
  insertEvents,
} from '@/db/queries/events';
import type { AnnotationRow } from '@/db/types';
import { notFound } from '../errors';
import { requireRole, type Actor } from './actor';
import { toAnnotationView, type AnnotationView, type ClaimSummary, type VerdictView } from './claim-views';

export const CLAIM_EVENT_TYPES = ['claim.created', 'claim.edited', 'claim.assigned'] as const;
export const ANNOTATION_EVENT_TYPES = [
  'annotation.added',
  'annotation.edited',
  'annotation.deleted',
  'annotation.hidden',
  'annotation.shown',
] as const;
export const VERDICT_EVENT_TYPES = [
  'verdict.proposed',
  'verdict.withdrawn',
  'verdict.approved',
  'verdict.returned',
  'claim.dismissed',
] as const;

type ChecklistItemView = { key: string; label: string; required: boolean; isChecked: boolean };

/** What is stored: everything any viewer could be shown; `toViewerEvent` trims it per viewer. */
export type StoredLiveEvent =
  | { type: (typeof CLAIM_EVENT_TYPES)[number]; claim: ClaimSummary }
  | { type: 'checklist.changed'; claimId: number; claimVersion: number; checklist: ChecklistItemView[] }
  | {
      type: (typeof ANNOTATION_EVENT_TYPES)[number];
      annotation: AnnotationRow;
      authorName: string;
      /** The claim's count of annotations that are not deleted, after the change. */
      annotationCount: number;
    }
  | { type: (typeof VERDICT_EVENT_TYPES)[number]; claim: ClaimSummary; verdict: VerdictView | null }
  /** The article's text was replaced by a new revision; its re-anchored claims follow as claim.edited. */
  | { type: 'article.revised'; articleId: number; revisionNumber: number; articleVersion: number };

/** What a subscriber receives. */
export type LiveEvent = { id: number; actorId: number | null; actorName: string | null; createdAt: Date } & (
  | Exclude<StoredLiveEvent, { annotation: AnnotationRow }>
  | { type: (typeof ANNOTATION_EVENT_TYPES)[number]; annotation: AnnotationView; annotationCount: number }
);

function claimIdOf(event: StoredLiveEvent): number | null {
  if ('claim' in event) return event.claim.id;
  if ('annotation' in event) return event.annotation.claimId;
  if (event.type === 'article.revised') return null;
  return event.claimId;
}

/** Appends events to the log. Call it last in the transaction (see insertEvents). */
export async function recordLiveEvents(
  tx: Db,
  actor: Pick<Actor, 'id'> | null,
  articleId: number,
  events: StoredLiveEvent[],
): Promise<void> {
  await insertEvents(
    tx,
    events.map((event) => ({
      articleId,
      claimId: claimIdOf(event),
      type: event.type,
      actorId: actor?.id ?? null,
      payload: superjson.serialize(event),
    })),
  );
}

type EventRow = Awaited<ReturnType<typeof findEventsAfter>>[number];

function toViewerEvent(row: EventRow, viewer: Actor): LiveEvent {
  const stored = superjson.deserialize<StoredLiveEvent>(row.event.payload as SuperJSONResult);
  const meta = { id: row.event.id, actorId: row.event.actorId, actorName: row.actorName, createdAt: row.event.createdAt };
  if ('annotation' in stored) {
    return {
      ...meta,
      type: stored.type,
      annotation: toAnnotationView(stored.annotation, stored.authorName, viewer),
      annotationCount: stored.annotationCount,
    };
  }
  return { ...meta, ...stored };
}

const PAGE_SIZE = 100;
// A safety net: a NOTIFY can be lost while the listening connection reconnects.
const RECHECK_INTERVAL_MS = 15_000;

/** Resolves when `topic` is announced (or a recheck is due); armed before each read so no announcement slips between. */
function createWakeUp(db: AppDb, topic: string, signal: AbortSignal) {
  let isPending = false;
  let wake: (() => void) | null = null;
  const stop = db.listen(topic, () => {
    isPending = true;
    wake?.();
  });
  signal.addEventListener('abort', () => wake?.(), { once: true });
  return {
    stop,
    /** Clears the flag; call before reading the log. */
    arm() {
      isPending = false;
    },
    wait(): Promise<void> {
      if (isPending || signal.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(done, RECHECK_INTERVAL_MS);
        function done() {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      });
    },
  };
}

async function* streamEvents(
  db: AppDb,
  viewer: Actor,
  options: { topic: string; afterId: number; articleId?: number; types?: readonly string[]; signal: AbortSignal },
): AsyncGenerator<LiveEvent> {
  const wakeUp = createWakeUp(db, options.topic, options.signal);
  let cursor = options.afterId;
  try {
    while (!options.signal.aborted) {
      wakeUp.arm();
      const rows = await findEventsAfter(db, {
        afterId: cursor,
        articleId: options.articleId,
        types: options.types,
        limit: PAGE_SIZE,
      });
      for (const row of rows) {
        if (options.signal.aborted) return;
        cursor = row.event.id;
        yield toViewerEvent(row, viewer);
      }
      if (rows.length < PAGE_SIZE) await wakeUp.wait();
    }
  } finally {
    wakeUp.stop();
  }
}

/** The id a fresh page load subscribes from: events after it are not in what it loaded. */
export async function findEventCursor(db: Db): Promise<number> {
  return findLatestEventId(db);
}

/**
 * Opens an article's event stream. Permission and existence are checked here, before the
 * stream starts, so a refusal is an ordinary error rather than a broken stream.
 */
export async function openArticleEvents(
  db: AppDb,
  actor: Actor | null,
  input: { articleId: number; lastEventId: number | null },
  signal: AbortSignal,
): Promise<AsyncGenerator<LiveEvent>> {
  const viewer = requireRole(actor, 'reviewer');
  if (!(await findArticleById(db, input.articleId))) throw notFound('Article');
  const afterId = input.lastEventId ?? (await findLatestEventId(db));
  return streamEvents(db, viewer, { topic: articleEventsTopic(input.articleId), afterId, articleId: input.articleId, signal });
}

/** Opens the editors' stream of proposals and decisions, across all articles. */
export async function openReviewQueueEvents(
  db: AppDb,
  actor: Actor | null,
  input: { lastEventId: number | null },
  signal: AbortSignal,
): Promise<AsyncGenerator<LiveEvent>> {
  const editor = requireRole(actor, 'editor');
  const afterId = input.lastEventId ?? (await findLatestEventId(db));
  return streamEvents(db, editor, { topic: ANY_EVENTS_TOPIC, afterId, types: VERDICT_EVENT_TYPES, signal });
}

// Live collaboration over server-sent events. Event streams are tracked by event id, so a
// client that reconnects passes its last id back and resumes with no gap and no duplicate.
import { tracked, TRPCError } from '@trpc/server';
import { articleEventsInputSchema, presenceInputSchema, reviewQueueEventsInputSchema } from '@/lib/schemas/live';
import { DomainError } from '../errors';
import { openArticleEvents, openReviewQueueEvents, type LiveEvent } from '../services/live-events';
import { openPresence } from '../services/presence';
import { editorProcedure, reviewerProcedure, router, toTrpcError } from '../trpc/init';

/** tRPC hands subscriptions a signal that aborts when the client goes away. */
function signalOf(opts: { signal: AbortSignal | undefined }): AbortSignal {
  return opts.signal ?? new AbortController().signal;
}

/**
 * Errors thrown mid-stream skip the procedure middleware, so they are mapped here. A lost
 * database connection becomes SERVICE_UNAVAILABLE, which the client retries with backoff.
 */
async function* relay<T, R>(source: AsyncIterable<T>, requestId: string, map: (item: T) => R): AsyncGenerator<R> {
  try {
    for await (const item of source) yield map(item);
  } catch (error) {
    if (error instanceof DomainError) throw toTrpcError(error);
    console.error(`[live] request ${requestId}: stream failed:`, error);
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The live connection was interrupted; reconnecting.' });
  }
}

const trackEvent = (event: LiveEvent) => tracked(String(event.id), event);

export const liveRouter = router({
  /** Changes to an article's claims, annotations, checklists and verdicts, as they commit. */
  articleEvents: reviewerProcedure.input(articleEventsInputSchema).subscription(async (opts) => {
    const { ctx, input } = opts;
    const events = await openArticleEvents(
      ctx.db,
      ctx.user,
      { articleId: input.articleId, lastEventId: input.lastEventId ?? null },
      signalOf(opts),
    );
    return relay(events, ctx.requestId, trackEvent);
  }),

  /** Proposals and decisions on every article, for editors' review queues. */
  reviewQueueEvents: editorProcedure.input(reviewQueueEventsInputSchema).subscription(async (opts) => {
    const { ctx, input } = opts;
    const events = await openReviewQueueEvents(ctx.db, ctx.user, { lastEventId: input?.lastEventId ?? null }, signalOf(opts));
    return relay(events, ctx.requestId, trackEvent);
  }),

  /** Who is viewing the article right now, across every app instance. */
  presence: reviewerProcedure.input(presenceInputSchema).subscription(async (opts) => {
    const viewers = await openPresence(opts.ctx.db, opts.ctx.user, opts.input, signalOf(opts));
    return relay(viewers, opts.ctx.requestId, (item) => item);
  }),
});

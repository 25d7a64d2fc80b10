import { z } from 'zod';
import { CLAIM_STATUSES } from '@/lib/domain/enums';
import { idSchema } from '@/lib/schemas/common';
import { getDeskOverview } from '../services/overview';
import { countReviewQueue, listReviewQueue } from '../services/review-queue';
import { editorProcedure, router } from '../trpc/init';

const queueItemOutput = z.object({
  verdictId: z.number(),
  verdictVersion: z.number(),
  ratingLabel: z.string(),
  summary: z.string(),
  isUpdate: z.boolean(),
  proposedAt: z.date(),
  proposerId: z.number(),
  proposerName: z.string(),
  canApprove: z.boolean(),
  claimId: z.number(),
  claimStatement: z.string(),
  articleId: z.number(),
  articleSlug: z.string(),
  articleTitle: z.string(),
});

export const reviewRouter = router({
  queue: editorProcedure
    .input(z.object({ articleId: idSchema.optional(), proposerId: idSchema.optional() }).default({}))
    .output(
      z.array(
        queueItemOutput,
      ),
    )
    .query(({ ctx, input }) => listReviewQueue(ctx.db, ctx.user, input)),

  overview: editorProcedure
    .input(z.void())
    .output(
      z.object({
        byStatus: z.array(z.object({ status: z.enum(CLAIM_STATUSES), count: z.number() })),
        ratings: z.array(z.object({ key: z.string(), label: z.string(), color: z.string() })),
        weeks: z.array(z.object({ weekStart: z.date(), counts: z.record(z.string(), z.number()) })),
        oldestWaiting: z.array(queueItemOutput),
      }),
    )
    .query(({ ctx }) => getDeskOverview(ctx.db, ctx.user)),

  queueCount: editorProcedure
    .input(z.void())
    .output(z.number())
    .query(({ ctx }) => countReviewQueue(ctx.db, ctx.user)),
});

import { z } from 'zod';
import {
  checklistToggleSchema,
  claimListFilterSchema,
  createClaimSchema,
  reattachClaimSchema,
  updateClaimSchema,
} from '@/lib/schemas/claims';
import { idSchema } from '@/lib/schemas/common';
import {
  createClaim,
  getClaimDetail,
  listClaimsForArticle,
  setChecklistItem,
  setFollowing,
  updateClaim,
} from '../services/claims';
import { reattachClaim } from '../services/reanchoring';
import { reviewerProcedure, router } from '../trpc/init';
import { checklistItemOutput, claimDetailOutput, claimSummaryOutput } from './outputs';

export const claimsRouter = router({
  create: reviewerProcedure
    .input(createClaimSchema)
    .output(claimSummaryOutput)
    .mutation(({ ctx, input }) => createClaim(ctx.db, ctx.user, input)),

  update: reviewerProcedure
    .input(updateClaimSchema)
    .output(claimSummaryOutput)
    .mutation(({ ctx, input }) => updateClaim(ctx.db, ctx.user, input)),

  /** Anchors the claim on a passage the reviewer selected in the current text: exact again, discussion kept. */
  reattach: reviewerProcedure
    .input(reattachClaimSchema)
    .output(claimSummaryOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await reattachClaim(ctx.db, ctx.user, input);
      ctx.revalidatePublicPaths(result.publicPaths);
      return result.claim;
    }),

  listByArticle: reviewerProcedure
    .input(claimListFilterSchema)
    .output(z.array(claimSummaryOutput))
    .query(({ ctx, input }) => listClaimsForArticle(ctx.db, ctx.user, input)),

  detail: reviewerProcedure
    .input(z.object({ claimId: idSchema }))
    .output(claimDetailOutput)
    .query(({ ctx, input }) => getClaimDetail(ctx.db, ctx.user, input.claimId)),

  setChecklistItem: reviewerProcedure
    .input(checklistToggleSchema)
    .output(z.array(checklistItemOutput.extend({ isChecked: z.boolean() })))
    .mutation(({ ctx, input }) => setChecklistItem(ctx.db, ctx.user, input)),

  setFollowing: reviewerProcedure
    .input(z.object({ claimId: idSchema, isFollowing: z.boolean() }))
    .output(z.object({ isFollowing: z.boolean() }))
    .mutation(({ ctx, input }) => setFollowing(ctx.db, ctx.user, input)),
});

import { z } from 'zod';
import { CLAIM_STATUSES } from '@/lib/domain/enums';
import {
  decideVerdictSchema,
  dismissClaimSchema,
  proposeVerdictSchema,
  returnVerdictSchema,
  withdrawVerdictSchema,
} from '@/lib/schemas/claims';
import { approveVerdict, dismissClaim, proposeVerdict, returnVerdict, withdrawVerdict } from '../services/verdicts';
import { editorProcedure, reviewerProcedure, router } from '../trpc/init';

const transitionOutput = z.object({ claimStatus: z.enum(CLAIM_STATUSES), claimVersion: z.number() });

export const verdictsRouter = router({
  propose: reviewerProcedure
    .input(proposeVerdictSchema)
    .output(z.object({ verdictId: z.number(), claimStatus: z.enum(CLAIM_STATUSES), claimVersion: z.number() }))
    .mutation(({ ctx, input }) => proposeVerdict(ctx.db, ctx.user, input)),

  withdraw: reviewerProcedure
    .input(withdrawVerdictSchema)
    .output(transitionOutput)
    .mutation(({ ctx, input }) => withdrawVerdict(ctx.db, ctx.user, input)),

  approve: editorProcedure
    .input(decideVerdictSchema)
    .output(transitionOutput.extend({ claimSlug: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const result = await approveVerdict(ctx.db, ctx.user, input);
      ctx.revalidatePublicPaths(result.publicPaths);
      return result;
    }),

  return: editorProcedure
    .input(returnVerdictSchema)
    .output(transitionOutput)
    .mutation(({ ctx, input }) => returnVerdict(ctx.db, ctx.user, input)),

  dismissClaim: editorProcedure
    .input(dismissClaimSchema)
    .output(transitionOutput)
    .mutation(({ ctx, input }) => dismissClaim(ctx.db, ctx.user, input)),
});

import { z } from 'zod';
import { CLAIM_STATUSES } from '@/lib/domain/enums';
import { versionSchema } from '@/lib/schemas/common';
import { checklistSchema, organisationSettingsSchema, ratingScaleSchema } from '@/lib/ratings';
import { getOrganisationSettings, updateOrganisationSettings } from '../services/organisation';
import { getReviewerDashboard } from '../services/dashboard';
import { getDeskSettings, updateChecklist, updateRatingScale } from '../services/settings';
import { listStaff } from '../services/users';
import { ALL_PUBLIC_PAGES } from '../public-cache-relay';
import { adminProcedure, reviewerProcedure, router } from '../trpc/init';
import { checklistItemOutput, ratingOutput, staffMemberOutput } from './outputs';

const dashboardItem = z.object({
  id: z.number(),
  statement: z.string(),
  claimant: z.string(),
  status: z.enum(CLAIM_STATUSES),
  assigneeName: z.string().nullable(),
  annotationCount: z.number(),
  articleSlug: z.string(),
  articleTitle: z.string(),
  updatedAt: z.date(),
});

const settingsOutput = z.object({
  ratingScale: z.array(ratingOutput),
  checklist: z.array(checklistItemOutput),
  versions: z.object({ ratingScale: z.number().nullable(), checklist: z.number().nullable() }),
});

// Capped like every version: PostgreSQL's integer column refuses a larger one with a server error.
const expectedVersion = versionSchema.nullable();

const organisationOutput = z.object({
  name: z.string(),
  url: z.string(),
  logoUrl: z.string().nullable(),
  methodology: z.string(),
  correctionsPolicy: z.string(),
  version: z.number().nullable(),
});

export const deskRouter = router({
  dashboard: reviewerProcedure
    .input(z.void())
    .output(
      z.object({
        assigned: z.array(dashboardItem),
        following: z.array(dashboardItem),
        activity: z.array(
          z.object({
            id: z.number(),
            action: z.string(),
            actorName: z.string(),
            claimId: z.number(),
            claimStatement: z.string(),
            createdAt: z.date(),
          }),
        ),
      }),
    )
    .query(({ ctx }) => getReviewerDashboard(ctx.db, ctx.user)),

  staff: reviewerProcedure
    .input(z.void())
    .output(z.array(staffMemberOutput))
    .query(({ ctx }) => listStaff(ctx.db, ctx.user)),

  settings: reviewerProcedure
    .input(z.void())
    .output(settingsOutput)
    .query(({ ctx }) => getDeskSettings(ctx.db)),

  updateChecklist: adminProcedure
    .input(z.object({ items: checklistSchema, expectedVersion }))
    .output(settingsOutput)
    .mutation(({ ctx, input }) => updateChecklist(ctx.db, ctx.user, input)),

  organisation: adminProcedure
    .input(z.void())
    .output(organisationOutput)
    .query(({ ctx }) => getOrganisationSettings(ctx.db)),

  updateOrganisation: adminProcedure
    .input(z.object({ settings: organisationSettingsSchema, expectedVersion }))
    .output(organisationOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await updateOrganisationSettings(ctx.db, ctx.user, input);
      // The organisation's name and address are on every public page.
      ctx.revalidatePublicPaths([ALL_PUBLIC_PAGES]);
      return result;
    }),

  updateRatingScale: adminProcedure
    .input(z.object({ ratings: ratingScaleSchema, expectedVersion }))
    .output(settingsOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await updateRatingScale(ctx.db, ctx.user, input);
      // Rating labels and colours are on every published fact-check.
      ctx.revalidatePublicPaths([ALL_PUBLIC_PAGES]);
      return result;
    }),
});

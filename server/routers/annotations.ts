import { z } from 'zod';
import {
  createAnnotationSchema,
  deleteAnnotationSchema,
  hideAnnotationSchema,
  updateAnnotationSchema,
} from '@/lib/schemas/claims';
import { createAnnotation, deleteAnnotation, setAnnotationHidden, updateAnnotation } from '../services/annotations';
import { editorProcedure, reviewerProcedure, router } from '../trpc/init';
import { writeResultOutput } from './outputs';

export const annotationsRouter = router({
  create: reviewerProcedure
    .input(createAnnotationSchema)
    .output(writeResultOutput)
    .mutation(({ ctx, input }) => createAnnotation(ctx.db, ctx.user, input)),

  update: reviewerProcedure
    .input(updateAnnotationSchema)
    .output(writeResultOutput)
    .mutation(({ ctx, input }) => updateAnnotation(ctx.db, ctx.user, input)),

  delete: reviewerProcedure
    .input(deleteAnnotationSchema)
    .output(writeResultOutput)
    .mutation(({ ctx, input }) => deleteAnnotation(ctx.db, ctx.user, input)),

  setHidden: editorProcedure
    .input(hideAnnotationSchema)
    .output(writeResultOutput.extend({ isHidden: z.boolean() }))
    .mutation(({ ctx, input }) => setAnnotationHidden(ctx.db, ctx.user, input)),
});

import { z } from 'zod';
import { checkHealth } from '../services/health';
import { publicProcedure, router } from '../trpc/init';

export const healthRouter = router({
  check: publicProcedure
    .input(z.void())
    .output(z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['sqlite', 'postgres']) }))
    .query(({ ctx }) => checkHealth(ctx.db)),
});

// A no-op mutation for the benchmarks (bench/save-path.ts): the same HTTP, session, middleware
// and validation path as a real save, without the database write, to compare against. The
// procedure always exists (AppRouter's type does not depend on the environment) but answers
// NOT_FOUND unless the server was started with FACTDESK_BENCH=1.
import { z } from 'zod';
import { notFound } from '../errors';
import { reviewerProcedure, router } from '../trpc/init';

export function isBenchEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.FACTDESK_BENCH === '1';
}

// Read once, at server start: flipping the variable later changes nothing.
const isEnabledAtStart = isBenchEnabled();

export const benchRouter = router({
  noop: reviewerProcedure
    .input(z.object({ claimId: z.number().int().positive(), body: z.string().max(10_000) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(() => {
      if (!isEnabledAtStart) throw notFound('Procedure');
      return { ok: true as const };
    }),
});

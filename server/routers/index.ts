import { createCallerFactory, router } from '../trpc/init';
import { annotationsRouter } from './annotations';
import { articlesRouter } from './articles';
import { benchRouter } from './bench';
import { claimsRouter } from './claims';
import { deskRouter } from './desk';
import { healthRouter } from './health';
import { liveRouter } from './live';
import { publicRouter } from './public';
import { reviewRouter } from './review';
import { sessionRouter } from './session';
import { usersRouter } from './users';
import { verdictsRouter } from './verdicts';

export const appRouter = router({
  health: healthRouter,
  session: sessionRouter,
  users: usersRouter,
  articles: articlesRouter,
  claims: claimsRouter,
  annotations: annotationsRouter,
  verdicts: verdictsRouter,
  desk: deskRouter,
  review: reviewRouter,
  public: publicRouter,
  live: liveRouter,
  /** Answers NOT_FOUND unless the server started with FACTDESK_BENCH=1 (see bench/). */
  bench: benchRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

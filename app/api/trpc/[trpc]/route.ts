import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getSessionUserId } from '@/server/auth/config';
import { checkCrossSiteRequest, crossSiteRefusal } from '@/server/http/cross-site';
import { getAppDb } from '@/server/db';
import { announcePublicChange, startPublicCacheRelay } from '@/server/public-cache-relay';
import { revalidatePublicPath } from '../../_lib/revalidate-public-path';
import { appRouter } from '@/server/routers';
import { createContext } from '@/server/trpc/context';

function handle(req: Request) {
  const crossSite = checkCrossSiteRequest(req);
  if (!crossSite.isAllowed) return crossSiteRefusal(crossSite.reason);
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => {
      const [db, sessionUserId] = await Promise.all([getAppDb(), getSessionUserId()]);
      startPublicCacheRelay(db);
      return createContext({
        db,
        sessionUserId,
        requestId: req.headers.get('x-request-id') ?? undefined,
        revalidatePublicPaths: (paths) => {
          paths.forEach(revalidatePublicPath);
          void announcePublicChange(db, paths);
        },
      });
    },
  });
}

export { handle as GET, handle as POST };

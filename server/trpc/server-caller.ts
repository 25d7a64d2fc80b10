// The caller server components use: same procedures, same middleware, no HTTP hop.
import 'server-only';
import { cache } from 'react';
import { getSessionUserId } from '../auth/config';
import { getAppDb } from '../db';
import { startPublicCacheRelay } from '../public-cache-relay';
import { createCaller } from '../routers';
import { createContext } from './context';

export const getServerCaller = cache(async () => {
  const [db, sessionUserId] = await Promise.all([getAppDb(), getSessionUserId()]);
  startPublicCacheRelay(db);
  return createCaller(await createContext({ db, sessionUserId }));
});

/** For public pages: no session lookup, so the page does not depend on cookies and can be cached. */
export const getPublicCaller = cache(async () => {
  const db = await getAppDb();
  startPublicCacheRelay(db);
  return createCaller(await createContext({ db, sessionUserId: null }));
});

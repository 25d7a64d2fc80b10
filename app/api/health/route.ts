import { getAppDb } from '@/server/db';
import { createCaller } from '@/server/routers';
import { createContext } from '@/server/trpc/context';

export const dynamic = 'force-dynamic';

export async function GET() {
  let database: 'sqlite' | 'postgres' | 'unknown' = 'unknown';
  try {
    const db = await getAppDb();
    database = db.dialect;
    const report = await createCaller(await createContext({ db, sessionUserId: null })).health.check();
    return Response.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
  } catch {
    return Response.json({ status: 'unavailable', database }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}

import type { AppDb } from '@/db/client';
import { pingDatabase } from '@/db/queries/health';

export type HealthReport =
  | { status: 'ok'; database: 'sqlite' | 'postgres' }
  | { status: 'unavailable'; database: 'sqlite' | 'postgres' };

export async function checkHealth(db: AppDb): Promise<HealthReport> {
  try {
    await pingDatabase(db);
    return { status: 'ok', database: db.dialect };
  } catch {
    return { status: 'unavailable', database: db.dialect };
  }
}

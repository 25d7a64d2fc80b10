import type { AppDb, Db } from '@/db/client';
import { insertAuditEvent } from '@/db/queries/audit';
import { findSettings, upsertSetting } from '@/db/queries/settings';
import {
  checklistSchema,
  DEFAULT_CHECKLIST,
  DEFAULT_RATING_SCALE,
  ratingScaleSchema,
  type ChecklistItem,
  type Rating,
} from '@/lib/ratings';
import { conflict } from '../errors';
import { requireRole, type Actor } from './actor';

export type { ChecklistItem };

const SETTING_KEYS = { ratingScale: 'rating_scale', checklist: 'checklist' } as const;

export type DeskSettings = {
  ratingScale: Rating[];
  checklist: ChecklistItem[];
  versions: { ratingScale: number | null; checklist: number | null };
};

/** The desk's rating scale and checklist; defaults until an admin changes them. */
export async function getDeskSettings(db: Db): Promise<DeskSettings> {
  const rows = await findSettings(db, Object.values(SETTING_KEYS));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const scaleRow = byKey.get(SETTING_KEYS.ratingScale);
  const checklistRow = byKey.get(SETTING_KEYS.checklist);
  // A stored value that no longer validates falls back to the default rather than breaking every page.
  const scale = ratingScaleSchema.safeParse(scaleRow?.value);
  const checklist = checklistSchema.safeParse(checklistRow?.value);
  return {
    ratingScale: scale.success ? scale.data : [...DEFAULT_RATING_SCALE],
    checklist: checklist.success ? checklist.data : [...DEFAULT_CHECKLIST],
    versions: { ratingScale: scaleRow?.version ?? null, checklist: checklistRow?.version ?? null },
  };
}

async function writeSetting(
  db: AppDb,
  admin: Actor,
  key: string,
  value: unknown,
  expectedVersion: number | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = (await findSettings(tx, [key]))[0];
    const saved = await upsertSetting(tx, key, value, admin.id, expectedVersion);
    if (!saved) throw conflict('Someone changed these settings since you loaded them. Reload and try again.');
    await insertAuditEvent(tx, {
      entityType: 'settings',
      entityId: 0,
      action: `settings.${key}_changed`,
      actorId: admin.id,
      before: before?.value ?? null,
      after: value,
    });
  });
}

export async function updateChecklist(
  db: AppDb,
  actor: Actor | null,
  input: { items: ChecklistItem[]; expectedVersion: number | null },
): Promise<DeskSettings> {
  const admin = requireRole(actor, 'admin');
  await writeSetting(db, admin, SETTING_KEYS.checklist, checklistSchema.parse(input.items), input.expectedVersion);
  return getDeskSettings(db);
}

export async function updateRatingScale(
  db: AppDb,
  actor: Actor | null,
  input: { ratings: Rating[]; expectedVersion: number | null },
): Promise<DeskSettings> {
  const admin = requireRole(actor, 'admin');
  await writeSetting(db, admin, SETTING_KEYS.ratingScale, ratingScaleSchema.parse(input.ratings), input.expectedVersion);
  return getDeskSettings(db);
}

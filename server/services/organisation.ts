import type { z } from 'zod';
import type { AppDb, Db } from '@/db/client';
import { insertAuditEvent } from '@/db/queries/audit';
import { findSetting, upsertSetting } from '@/db/queries/settings';
import { DEFAULT_ORGANISATION, organisationSettingsSchema } from '@/lib/ratings';
import { conflict } from '../errors';
import { requireRole, type Actor } from './actor';

export type OrganisationSettings = z.output<typeof organisationSettingsSchema>;

const ORGANISATION_KEY = 'organisation';

/** The newsroom's name, site, logo, methodology and corrections policy; defaults until an admin sets them. */
export async function getOrganisationSettings(db: Db): Promise<OrganisationSettings & { version: number | null }> {
  const row = await findSetting(db, ORGANISATION_KEY);
  const parsed = organisationSettingsSchema.safeParse(row?.value);
  return { ...(parsed.success ? parsed.data : DEFAULT_ORGANISATION), version: row?.version ?? null };
}

export async function updateOrganisationSettings(
  db: AppDb,
  actor: Actor | null,
  input: { settings: z.input<typeof organisationSettingsSchema>; expectedVersion: number | null },
) {
  const admin = requireRole(actor, 'admin');
  const value = organisationSettingsSchema.parse(input.settings);
  await db.transaction(async (tx) => {
    const before = await findSetting(tx, ORGANISATION_KEY);
    const saved = await upsertSetting(tx, ORGANISATION_KEY, value, admin.id, input.expectedVersion);
    if (!saved) throw conflict('Someone changed these settings since you loaded them. Reload and try again.');
    await insertAuditEvent(tx, {
      entityType: 'settings',
      entityId: 0,
      action: 'settings.organisation_changed',
      actorId: admin.id,
      before: before?.value ?? null,
      after: value,
    });
  });
  return getOrganisationSettings(db);
}

import type { AppDb } from '@/db/client';
import { getOrganisationSettings } from './organisation';
import { getDeskSettings } from './settings';

export async function getMethodology(db: AppDb) {
  const [organisation, settings] = await Promise.all([getOrganisationSettings(db), getDeskSettings(db)]);
  const values = settings.ratingScale.map((r) => r.value);
  return {
    organisation: { name: organisation.name, url: organisation.url, logoUrl: organisation.logoUrl },
    methodology: organisation.methodology,
    correctionsPolicy: organisation.correctionsPolicy,
    scale: settings.ratingScale.map((r) => ({ key: r.key, label: r.label, value: r.value, color: r.color, description: r.description })),
    best: Math.max(...values),
    worst: Math.min(...values),
  };
}

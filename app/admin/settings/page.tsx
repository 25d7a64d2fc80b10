import type { Metadata } from 'next';
import { requireSignedInUser } from '../../_components/require-user';
import { isTrpcErrorCode } from '../../_components/trpc-errors';
import { ChecklistForm, OrganisationForm, RatingScaleForm } from './settings-forms';

export const metadata: Metadata = { title: 'Settings' };

export default async function AdminSettingsPage() {
  const { user, caller } = await requireSignedInUser('/admin/settings');
  let organisation;
  try {
    organisation = await caller.desk.organisation();
  } catch (error) {
    if (!isTrpcErrorCode(error, 'FORBIDDEN')) throw error;
    return (
      <section aria-labelledby="forbidden-heading">
        <h1 id="forbidden-heading">Not allowed</h1>
        <p>Only admins can change the desk&apos;s settings. You are signed in as a {user.role}.</p>
      </section>
    );
  }
  const settings = await caller.desk.settings();
  return (
    <>
      <h1>Settings</h1>
      <OrganisationForm initial={organisation} />
      <RatingScaleForm initial={settings.ratingScale} version={settings.versions.ratingScale} />
      <ChecklistForm initial={settings.checklist} version={settings.versions.checklist} />
    </>
  );
}

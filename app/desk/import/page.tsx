import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSignedInUser } from '../../_components/require-user';
import { ImportWorkbench } from './import-workbench';

export const metadata: Metadata = { title: 'Import an article' };

export default async function ImportPage() {
  await requireSignedInUser('/desk/import');
  return (
    <>
      <p className="import-back">
        <Link href="/desk">← Back to the desk</Link>
      </p>
      <h1>Import an article</h1>
      <p className="import-intro">
        Paste the article, upload a file or give its web address. You will see what Factdesk extracted, with site
        boilerplate already left out, and can correct it before anything is saved.
      </p>
      <ImportWorkbench />
    </>
  );
}

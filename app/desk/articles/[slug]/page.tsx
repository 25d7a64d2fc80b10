import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { requireSignedInUser } from '../../../_components/require-user';
import { isTrpcErrorCode } from '../../../_components/trpc-errors';
import { Workspace } from './workspace';

export const metadata: Metadata = { title: 'Workspace' };

export default async function WorkspacePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, caller } = await requireSignedInUser(`/desk/articles/${slug}`);
  let workspace;
  try {
    workspace = await caller.articles.workspace({ slug });
  } catch (error) {
    if (isTrpcErrorCode(error, 'NOT_FOUND') || isTrpcErrorCode(error, 'BAD_REQUEST')) notFound();
    throw error;
  }
  const staff = await caller.desk.staff();
  return (
    <Suspense>
      <Workspace slug={slug} initialData={workspace} staff={staff} currentUser={{ id: user.id, name: user.name, role: user.role }} />
    </Suspense>
  );
}

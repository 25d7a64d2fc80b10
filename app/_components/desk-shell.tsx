import Link from 'next/link';
import type { ReactNode } from 'react';
import { getServerCaller } from '@/server/trpc/server-caller';
import { TrpcProviders } from '../_trpc/client';
import { AccountMenu } from './account-menu';
import { SiteHeader } from './site-header';

export async function DeskShell({ children }: { children: ReactNode }) {
  const caller = await getServerCaller();
  const user = await caller.session.me();
  const queueCount = user && user.role !== 'reviewer' ? await caller.review.queueCount() : null;
  const nav = user ? (
    <>
      <Link href="/desk">Desk</Link>
      {queueCount !== null ? (
        <Link href="/desk/review" aria-label={`Review queue, ${queueCount} waiting`}>
          Review queue <span className="nav-count">{queueCount}</span>
        </Link>
      ) : null}
      {queueCount !== null ? <Link href="/desk/overview">Overview</Link> : null}
    </>
  ) : null;
  return (
    <TrpcProviders>
      <SiteHeader account={<AccountMenu user={user} />} nav={nav} />
      <main id="main" className="page">
        {children}
      </main>
    </TrpcProviders>
  );
}

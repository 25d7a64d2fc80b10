import Link from 'next/link';
import type { ReactNode } from 'react';
import { getServerCaller } from '@/server/trpc/server-caller';
import { TrpcProviders } from '../_trpc/client';
import { AccountMenu } from './account-menu';
import { ClientAccountMenu } from './client-account-menu';
import { SiteHeader } from './site-header';

/**
 * Public pages ship no tRPC or React Query code (the JavaScript budget of issue #6): only the
 * account menu runs in the browser, with a plain fetch.
 */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader account={<ClientAccountMenu />} />
      <main id="main" className="page">
        {children}
      </main>
      <footer className="site-footer">Factdesk: fact-checks with sources, corrections and a two-person rule.</footer>
    </>
  );
}

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

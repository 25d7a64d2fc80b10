'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../_trpc/client';
import { AccountMenu } from './account-menu';

/** Public pages fetch the session in the browser, so the page itself stays cacheable. */
export function ClientAccountMenu() {
  const trpc = useTRPC();
  const { data, isPending } = useQuery({ ...trpc.session.me.queryOptions(), staleTime: 0 });
  if (isPending) return <span className="muted">…</span>;
  return <AccountMenu user={data ?? null} />;
}

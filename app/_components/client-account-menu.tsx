'use client';

import { useEffect, useState } from 'react';
import { AccountMenu, type AccountMenuUser } from './account-menu';

/**
 * Public pages fetch the session in the browser, so the page itself stays cacheable. A plain
 * fetch of `session.me` (its output has no dates, so superjson's `json` is the value): public
 * pages carry no tRPC client or React Query.
 */
export function ClientAccountMenu() {
  const [user, setUser] = useState<AccountMenuUser | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/trpc/session.me', { signal: controller.signal, headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { result?: { data?: { json?: AccountMenuUser } } } | null) => setUser(body?.result?.data?.json ?? null))
      .catch(() => {
        if (!controller.signal.aborted) setUser(null);
      });
    return () => controller.abort();
  }, []);
  if (user === undefined) return <span className="muted">…</span>;
  return <AccountMenu user={user} />;
}

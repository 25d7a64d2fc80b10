import type { ReactNode } from 'react';
import { ClientAccountMenu } from './client-account-menu';
import { SiteHeader } from './site-header';

/**
 * Public pages ship no tRPC or React Query code (the JavaScript budget of issue #6): only the
 * account menu runs in the browser, with a plain fetch. The desk's shell, which brings the
 * tRPC providers, lives in its own module (desk-shell.tsx): a client component merely imported
 * here would be shipped with every public page.
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

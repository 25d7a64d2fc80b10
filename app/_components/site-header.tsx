import Link from 'next/link';
import type { ReactNode } from 'react';

export function SiteHeader({ account, nav }: { account: ReactNode; nav?: ReactNode }) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Factdesk
      </Link>
      <nav aria-label="Main" className="main-nav">
        <Link href="/articles">Articles</Link>
        {nav}
      </nav>
      <div className="account-area">{account}</div>
    </header>
  );
}

import type { Metadata } from 'next';
import { signOut } from '@/server/auth/config';
import { SiteHeader } from '../_components/site-header';

export const metadata: Metadata = { title: 'Sign out' };

async function signOutAction() {
  'use server';
  await signOut({ redirectTo: '/sign-in' });
}

export default function SignOutPage() {
  return (
    <>
      <SiteHeader account={null} />
      <main id="main" className="page narrow">
        <h1>Sign out</h1>
        <p>Sign out of Factdesk on this browser?</p>
        <form action={signOutAction}>
          <button type="submit" className="button">
            Sign out
          </button>
        </form>
      </main>
    </>
  );
}

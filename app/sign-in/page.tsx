import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getServerCaller } from '@/server/trpc/server-caller';
import { SiteHeader } from '../_components/site-header';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl = '/desk' } = await searchParams;
  const user = await (await getServerCaller()).session.me();
  if (user) redirect('/desk');
  return (
    <>
      <SiteHeader account={null} />
      <main id="main" className="page narrow">
        <h1>Sign in</h1>
        <p className="muted">Sign in with the account your desk&apos;s admin gave you.</p>
        <SignInForm callbackUrl={callbackUrl} />
      </main>
    </>
  );
}

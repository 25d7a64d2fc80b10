import { redirect } from 'next/navigation';
import { getServerCaller } from '@/server/trpc/server-caller';

/** The signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireSignedInUser(returnTo: string) {
  const caller = await getServerCaller();
  const user = await caller.session.me();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return { user, caller };
}

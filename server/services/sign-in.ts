// Password sign-in with rate limits: failures are counted per account name and per client
// address; past either limit the password is not even checked, so the right one is refused
// too until the window ends. Successful sign-ins count nothing.
import type { AppDb } from '@/db/client';
import type { Actor } from './actor';
import { consumeRateLimit, isRateLimited, pruneRateLimits, RATE_LIMITS } from './rate-limits';
import { authenticateUser } from './users';

export type SignInOutcome = { status: 'signed-in'; actor: Actor } | { status: 'refused' } | { status: 'rate-limited' };

export async function signInWithPassword(
  db: AppDb,
  input: { email: string; password: string; address: string | null },
  now = new Date(),
): Promise<SignInOutcome> {
  const account = input.email.trim().toLowerCase();
  const address = input.address?.trim() || 'unknown';
  const [isAccountLimited, isAddressLimited] = await Promise.all([
    isRateLimited(db, RATE_LIMITS.signInFailuresPerAccount, account, now),
    isRateLimited(db, RATE_LIMITS.signInFailuresPerAddress, address, now),
  ]);
  if (isAccountLimited || isAddressLimited) return { status: 'rate-limited' };
  const actor = await authenticateUser(db, input.email, input.password);
  if (actor) return { status: 'signed-in', actor };
  await Promise.all([
    consumeRateLimit(db, RATE_LIMITS.signInFailuresPerAccount, account, now),
    consumeRateLimit(db, RATE_LIMITS.signInFailuresPerAddress, address, now),
  ]);
  // Now and then, forget finished windows (cheap: one indexed delete).
  if (Math.random() < 0.02) await pruneRateLimits(db, now);
  return { status: 'refused' };
}

/** The client's address as the outermost proxy reports it (Next.js sets X-Forwarded-For from the socket when absent). */
export function clientAddressOf(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || null;
}

'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/server/auth/config';

export type SignInState = { error: string | null; email: string };

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
function safeReturnPath(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/desk';
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '');
  const password = String(formData.get('password') ?? '');
  if (!email.trim() || !password) return { error: 'Enter your email and password.', email };
  try {
    await signIn('credentials', { email, password, redirectTo: safeReturnPath(formData.get('callbackUrl')) });
  } catch (error) {
    // Limits count per account name whether or not it exists, so this reveals nothing either.
    if (error instanceof CredentialsSignin && error.code === 'rate_limited') {
      return { error: 'Too many failed sign-ins. Wait a minute and try again.', email };
    }
    // One message for every failure, so it does not reveal whether the email has an account.
    if (error instanceof AuthError) return { error: 'Wrong email or password.', email };
    throw error;
  }
  return { error: null, email };
}

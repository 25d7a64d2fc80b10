import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { signInSchema } from '@/lib/schemas/users';
import { getAppDb } from '../db';
import { clientAddressOf, signInWithPassword } from '../services/sign-in';
import { resolveAuthSecret } from './secret';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name: string; email: string; role: string };
  }
}

/** Too many failed sign-ins for this account or address: the redirect says `code=rate_limited`. */
export class SignInRateLimited extends CredentialsSignin {
  override code = 'rate_limited';
}

function buildAuthConfig(): NextAuthConfig {
  return {
    secret: resolveAuthSecret(),
    trustHost: true,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/sign-in' },
    providers: [
      Credentials({
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const outcome = await signInWithPassword(await getAppDb(), {
            ...parsed.data,
            address: clientAddressOf(request.headers),
          });
          if (outcome.status === 'rate-limited') throw new SignInRateLimited();
          if (outcome.status !== 'signed-in') return null;
          const { actor } = outcome;
          return { id: String(actor.id), name: actor.name, email: actor.email, role: actor.role };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.sub ?? '';
        session.user.role = typeof token.role === 'string' ? token.role : '';
        return session;
      },
    },
    logger: {
      // A wrong password is an expected event, not an error: no stack trace in the logs.
      error(error) {
        const name = (error as { type?: string }).type ?? error.name;
        if (name === 'CredentialsSignin') return;
        console.error(`[auth] ${name}: ${error.message}`);
      },
      warn() {},
      debug() {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildAuthConfig());

/** The session's user id as a number, or null when signed out. */
export async function getSessionUserId(): Promise<number | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

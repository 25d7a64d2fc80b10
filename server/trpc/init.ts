// The one place procedures are built. The raw tRPC instance stays private to this file,
// so every procedure goes through the standard middleware (error mapping, role gates).
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { hasRoleAtLeast, type UserRole } from '@/lib/domain/enums';
import { DomainError } from '../errors';
import type { Context } from './context';

const isProduction = process.env.NODE_ENV === 'production';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  sse: {
    // Pings keep proxies from closing a quiet stream; a client that hears nothing for a
    // while reconnects (resuming from its last event id).
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const details = error.cause instanceof DomainError ? (error.cause.details ?? null) : null;
    const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      // Internal messages can carry SQL or file paths; production shows a generic line instead.
      message: isInternal && isProduction ? 'Something went wrong on our side. Please try again.' : shape.message,
      data: {
        ...shape.data,
        stack: isProduction ? undefined : shape.data.stack,
        zodError,
        details,
      },
    };
  },
});

/** The one mapping from domain errors to tRPC's (streams use it for errors raised mid-stream). */
export function toTrpcError(cause: DomainError): TRPCError {
  return new TRPCError({ code: cause.code, message: cause.message, cause });
}

const mapDomainErrors = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) throw toTrpcError(cause);
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      console.error(`[trpc] request ${ctx.requestId} ${path} failed:`, result.error.cause ?? result.error);
    }
  }
  return result;
});

function containsNulCharacter(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some((item) => containsNulCharacter(item, depth + 1));
}

// PostgreSQL cannot store NUL in text, and no real text needs it: refuse it once, here,
// rather than letting it reach a query as a server error.
const refuseNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  if (containsNulCharacter(await getRawInput())) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Text cannot contain NUL (\\0) characters.' });
  }
  return next();
});

const baseProcedure = t.procedure.use(mapDomainErrors).use(refuseNulCharacters);

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

function requireRole(role: UserRole) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
    if (!hasRoleAtLeast(ctx.user.role, role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs the ${role} role.` });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not. Returns published data only. */
export const publicProcedure = baseProcedure;
/** Any signed-in, active user. */
export const signedInProcedure = baseProcedure.use(requireUser);
export const reviewerProcedure = baseProcedure.use(requireRole('reviewer'));
export const editorProcedure = baseProcedure.use(requireRole('editor'));
export const adminProcedure = baseProcedure.use(requireRole('admin'));

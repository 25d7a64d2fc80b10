import { TRPCClientError } from '@trpc/client';

export type FieldErrors = Record<string, string[] | undefined>;

/** A readable message and zod's per-field messages from a failed tRPC call. */
export function describeMutationError(error: unknown): { message: string; fieldErrors: FieldErrors } {
  if (error instanceof TRPCClientError) {
    const data = error.data as { zodError?: { fieldErrors?: FieldErrors } | null } | undefined;
    const fieldErrors = data?.zodError?.fieldErrors ?? {};
    const hasFieldErrors = Object.values(fieldErrors).some((messages) => messages && messages.length > 0);
    return { message: hasFieldErrors ? 'Please correct the fields marked below.' : error.message, fieldErrors };
  }
  return { message: 'Something went wrong. Please try again.', fieldErrors: {} };
}

/** What a CONFLICT carries: the row as it is now, and who changed it when. */
export type ConflictDetails<T> = { current: T; changedBy: string | null; changedAt: Date | null };

/** The details of a CONFLICT (a stale version), or null for any other failure. */
export function readConflict<T>(error: unknown): ConflictDetails<T> | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { code?: string; details?: Partial<ConflictDetails<T>> | null } | undefined;
  if (data?.code !== 'CONFLICT' || !data.details?.current) return null;
  const changedAt = data.details.changedAt;
  return {
    current: data.details.current,
    changedBy: data.details.changedBy ?? null,
    changedAt: changedAt instanceof Date ? changedAt : changedAt ? new Date(changedAt) : null,
  };
}

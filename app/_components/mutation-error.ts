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

// Domain errors thrown by services. They are mapped to TRPCError in exactly one place
// (server/trpc/init.ts), so services never depend on the transport.

export type DomainErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra data safe to show to the caller, e.g. the current row on a CONFLICT. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do that.') => new DomainError('FORBIDDEN', message);
export const unauthorized = () => new DomainError('UNAUTHORIZED', 'Sign in to continue.');
export const conflict = (message: string, details?: unknown) => new DomainError('CONFLICT', message, details);

import { TRPCError } from '@trpc/server';

export function isTrpcErrorCode(error: unknown, code: TRPCError['code']): boolean {
  return error instanceof TRPCError && error.code === code;
}

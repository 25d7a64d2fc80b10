import { z } from 'zod';
import { USER_ROLES } from '@/lib/domain/enums';
import { publicProcedure, router } from '../trpc/init';

export const sessionUserSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  role: z.enum(USER_ROLES),
});

export const sessionRouter = router({
  /** Who is signed in, or null. Public because the sign-in link needs it too. */
  me: publicProcedure
    .input(z.void())
    .output(sessionUserSchema.nullable())
    .query(({ ctx }) => ctx.user),
});

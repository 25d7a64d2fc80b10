import { z } from 'zod';
import { USER_ROLES } from '@/lib/domain/enums';
import { idSchema, newUserSchema, userRoleSchema, versionSchema } from '@/lib/schemas/users';
import { changeUserRole, createUser, listUsers, setUserActive } from '../services/users';
import { adminProcedure, router } from '../trpc/init';

const userOutput = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  isActive: z.boolean(),
  createdAt: z.date(),
  version: z.number(),
});

export const usersRouter = router({
  list: adminProcedure
    .input(z.void())
    .output(z.array(userOutput))
    .query(({ ctx }) => listUsers(ctx.db, ctx.user)),

  create: adminProcedure
    .input(newUserSchema)
    .output(userOutput)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.user, input)),

  changeRole: adminProcedure
    .input(z.object({ userId: idSchema, version: versionSchema, role: userRoleSchema }))
    .output(userOutput)
    .mutation(({ ctx, input }) => changeUserRole(ctx.db, ctx.user, input)),

  setActive: adminProcedure
    .input(z.object({ userId: idSchema, version: versionSchema, isActive: z.boolean() }))
    .output(userOutput)
    .mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.user, input)),
});

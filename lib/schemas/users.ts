import { z } from 'zod';
import { USER_ROLES } from '../domain/enums';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address.' }));

export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Use at most 200 characters.');

export const userRoleSchema = z.enum(USER_ROLES, { message: 'Choose reviewer, editor or admin.' });

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter a name.').max(120, 'Use at most 120 characters.'),
  role: userRoleSchema,
  password: passwordSchema,
});

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email.').max(320),
  password: z.string().min(1, 'Enter your password.').max(200),
});

export { idSchema, versionSchema } from './common';

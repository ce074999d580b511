/** Sign-in: `POST /api/v1/sessions` → a bearer token; `DELETE /api/v1/sessions/current` signs out. */
import { z } from 'zod';
import { idSchema, instantSchema, roleSchema } from './common';
import { storableString } from './text';

export const signInBodySchema = z.object({
  username: storableString().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

/** A user's roles apply to each of their units; `central` applies everywhere. */
export const userSchema = z.object({
  username: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  units: z.array(idSchema),
});
export type ApiUser = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  expiresAt: instantSchema,
  user: userSchema,
});
export type Session = z.infer<typeof sessionSchema>;

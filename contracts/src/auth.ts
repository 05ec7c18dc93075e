import { z } from 'zod';
import { LocaleSchema, RoleSchema } from './common.ts';

export const SignInBodySchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
  /** The 6-digit TOTP code, for accounts with two-factor enabled. */
  totpCode: z.string().regex(/^\d{6}$/).optional(),
});
export type SignInBody = z.infer<typeof SignInBodySchema>;

export const GrantViewSchema = z.object({
  role: RoleSchema,
  organisationId: z.string().nullable(),
  programmeId: z.string().nullable(),
  streamId: z.string().nullable(),
  regionCode: z.string().nullable(),
});

export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: LocaleSchema,
  personId: z.string().nullable(),
  isTotpEnabled: z.boolean(),
  roles: z.array(RoleSchema),
  grants: z.array(GrantViewSchema),
  /** Send back as the x-csrf-token header on every state-changing request. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

export const SetLocaleBodySchema = z.object({ locale: LocaleSchema });

export const PasswordSchema = z.string().min(10).max(1024);

export const AcceptInvitationBodySchema = z.object({
  token: z.string().min(20).max(200),
  password: PasswordSchema,
});

export const RequestResetBodySchema = z.object({ email: z.email().max(254) });
export const CompleteResetBodySchema = z.object({ token: z.string().min(20).max(200), password: PasswordSchema });

export const TotpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpConfirmBodySchema = z.object({ code: z.string().regex(/^\d{6}$/) });

export const TokenInfoSchema = z.object({ email: z.string(), displayName: z.string() });

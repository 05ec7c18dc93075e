import { z } from 'zod';
import { GrantViewSchema } from './auth.ts';
import { LocaleSchema, PageQuerySchema, PlainTextSchema, RoleSchema, pageOf } from './common.ts';

/** ISO 3166-2:RU code of a federal subject, e.g. RU-MOW, RU-PER. */
export const RegionCodeSchema = z.string().regex(/^RU-[A-Z]{2,3}$/);

/**
 * A role to give, and where. All scope fields empty = platform-wide (admins only). A stream or
 * programme is enough: the server fills in the programme and organisation above it.
 */
export const GrantInputSchema = z.object({
  role: RoleSchema,
  organisationId: z.uuid().nullish(),
  programmeId: z.uuid().nullish(),
  streamId: z.uuid().nullish(),
  /** Required for coordinators: the region they coordinate. */
  regionCode: RegionCodeSchema.nullish(),
});
export type GrantInput = z.infer<typeof GrantInputSchema>;

export const UserSortSchema = z.enum(['email', 'displayName', 'createdAt']);

export const UsersQuerySchema = PageQuerySchema.extend({
  /** Part of the e-mail or the display name. */
  q: z.string().trim().max(200).optional(),
  /** Only users holding this role (within the caller's scope). */
  role: RoleSchema.optional(),
  sort: UserSortSchema.default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type UsersQuery = z.infer<typeof UsersQuerySchema>;

/** A user account as administrators see it; grants outside the caller's scope are left out. */
export const UserViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: LocaleSchema,
  isActive: z.boolean(),
  /** False until the invitation is accepted (or a password is set from the CLI). */
  hasPassword: z.boolean(),
  isTotpEnabled: z.boolean(),
  personId: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(GrantViewSchema),
});
export type UserView = z.infer<typeof UserViewSchema>;

export const UserPageSchema = pageOf(UserViewSchema);

export const CreateUserBodySchema = z.object({
  email: z.email().max(254),
  displayName: PlainTextSchema(200).min(1),
  locale: LocaleSchema.default('ru'),
  grants: z.array(GrantInputSchema).max(50).default([]),
  /** Mail a one-time link to set the password. The link itself is never returned by the API. */
  sendInvitation: z.boolean().default(true),
});
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

/** Replaces the grants the caller manages; grants outside the caller's scope stay as they are. */
export const SetGrantsBodySchema = z.object({ grants: z.array(GrantInputSchema).max(50) });
export type SetGrantsBody = z.infer<typeof SetGrantsBodySchema>;

import { z } from 'zod';

export const LocaleSchema = z.enum(['ru', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

export const RoleSchema = z.enum(['admin', 'staff', 'coordinator', 'expert', 'participant', 'alumnus']);
export type Role = z.infer<typeof RoleSchema>;

export const UuidSchema = z.uuid();
export const IdParamsSchema = z.object({ id: z.uuid() });

/** An ISO date (YYYY-MM-DD). */
export const IsoDateSchema = z.iso.date();

/** RFC 9457 problem details, as every error is answered. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** Text that people type: trimmed, no control characters (NUL and friends break exports and logs). */
export const PlainTextSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), { message: 'control characters' });

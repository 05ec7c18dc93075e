import { z } from 'zod';
import { PageQuerySchema, pageOf } from './common.ts';

/** A moment or a whole day: `2025-06-05` or `2025-06-05T10:00:00Z`. */
const MomentSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Filters of the audit log; the export takes the same ones without paging. */
export const AuditFilterSchema = z.object({
  /** Exact action, or a prefix ending in `*` (e.g. `user.*`). */
  action: z.string().trim().max(100).optional(),
  /** A user id, or part of the actor's e-mail. */
  actor: z.string().trim().max(254).optional(),
  entity: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(200).optional(),
  /** From this moment (a date means its start, UTC). */
  from: MomentSchema.optional(),
  /** Up to this moment (a date includes the whole day, UTC). */
  to: MomentSchema.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditQuerySchema = AuditFilterSchema.extend(PageQuerySchema.shape);
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = pageOf(AuditEntrySchema);

// The outbox is the other operator's log: every message the platform sent or tried to send.

export const OutboxStatusSchema = z.enum(['sent', 'failed', 'not_sent']);

export const OutboxQuerySchema = PageQuerySchema.extend({
  /** invitation | password_reset | … */
  kind: z.string().trim().max(100).optional(),
  /** Part of the recipient's address or the subject. */
  q: z.string().trim().max(200).optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

export const OutboxItemSchema = z.object({
  id: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  kind: z.string(),
  /** sent = delivered over SMTP; failed = SMTP refused it; not_sent = no SMTP configured (read it here). */
  status: OutboxStatusSchema,
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const OutboxPageSchema = pageOf(OutboxItemSchema);

export const OutboxMessageSchema = OutboxItemSchema.extend({
  textBody: z.string(),
  meta: z.record(z.string(), z.unknown()),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

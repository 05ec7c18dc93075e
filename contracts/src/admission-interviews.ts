import { z } from 'zod';
import { PlainTextSchema } from './common.ts';

/** A slot: when, how long, a place or an online link (at least one), capacity and the panel of experts. */
export const CreateSlotBodySchema = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(5).max(600),
    place: PlainTextSchema(300).optional(),
    onlineUrl: z.url({ protocol: /^https$/ }).max(500).optional(),
    capacity: z.number().int().min(1).max(200),
    panel: z.array(z.uuid()).min(1).max(20),
  })
  .strict();
export type CreateSlotBody = z.infer<typeof CreateSlotBodySchema>;

export const SlotParamsSchema = z.object({ id: z.uuid(), slotId: z.uuid() });
export const BookBodySchema = z.object({ applicationId: z.uuid() }).strict();
export const BookingParamsSchema = z.object({ id: z.uuid(), slotId: z.uuid(), applicationId: z.uuid() });
export const MyScoreParamsSchema = z.object({ slotId: z.uuid(), applicationId: z.uuid() });
export const InterviewScoreBodySchema = z.object({ score: z.number().min(0).max(100), comment: PlainTextSchema(2000).optional() }).strict();

const SlotBase = z.object({
  id: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int(),
  panel: z.array(z.object({ userId: z.string(), displayName: z.string() })),
});

/** Staff's view: slots with their panel and booked candidates (interviews are not blind). */
export const InterviewBoardSchema = z.object({
  slots: z.array(
    SlotBase.extend({
      candidates: z.array(z.object({ applicationId: z.string(), fullName: z.string(), regionCode: z.string().nullable(), scores: z.number().int(), interviewScore: z.number().nullable() })),
    }),
  ),
});
export type InterviewBoard = z.infer<typeof InterviewBoardSchema>;

/** A panel member's view: their slots, the candidates and their own scores. */
export const MyInterviewsSchema = z.object({
  slots: z.array(
    SlotBase.extend({
      campaignTitleRu: z.string(),
      campaignTitleEn: z.string(),
      candidates: z.array(z.object({ applicationId: z.string(), fullName: z.string(), position: z.string().nullable(), myScore: z.number().nullable(), myComment: z.string().nullable() })),
    }),
  ),
});
export type MyInterviews = z.infer<typeof MyInterviewsSchema>;

/**
 * A slot changed (PUT: every field is sent). Moving a slot with booked candidates (time, length,
 * place or link) needs `isConfirmed: true`: they are told by e-mail.
 */
export const UpdateSlotBodySchema = CreateSlotBodySchema.extend({
  /** The staff member confirmed that booked candidates are moved and notified. */
  isConfirmed: z.boolean().default(false),
}).strict();
export type UpdateSlotBody = z.infer<typeof UpdateSlotBodySchema>;

/** Deleting a slot with booked candidates needs `confirmed=true`: they are told by e-mail. */
export const DeleteSlotQuerySchema = z.object({ confirmed: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });

/** Staff's candidate picker: in-stage candidates found by name or region (code or name), a page at a time. */
export const InterviewCandidatesQuerySchema = z.object({
  q: PlainTextSchema(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const InterviewCandidateSchema = z.object({
  applicationId: z.string(),
  fullName: z.string(),
  regionCode: z.string().nullable(),
  position: z.string().nullable(),
  /** The slot the candidate is booked into, if any (booking again moves them). */
  bookedSlotId: z.string().nullable(),
  bookedStartsAt: z.string().nullable(),
});
export const InterviewCandidatePageSchema = z.object({ items: z.array(InterviewCandidateSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type InterviewCandidatePage = z.infer<typeof InterviewCandidatePageSchema>;

/**
 * The applicant's own interview. The panel is given only as a size: its members' names are not shown to
 * candidates (no lobbying or contact before the interview; experts' identities are their own data).
 */
export const OwnInterviewSchema = z.object({
  interview: z
    .object({
      slotId: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      durationMinutes: z.number().int(),
      place: z.string().nullable(),
      onlineUrl: z.string().nullable(),
      panelSize: z.number().int(),
      /** The programme's time zone (IANA), shown beside the reader's own when they differ. */
      timeZone: z.string(),
    })
    .nullable(),
});
export type OwnInterview = z.infer<typeof OwnInterviewSchema>;

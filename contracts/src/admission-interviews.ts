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

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '@ms/contracts/common';
import {
  AttendanceExportQuerySchema,
  AttendanceImportBodySchema,
  AttendanceImportResultSchema,
  CheckInBodySchema,
  CheckInResultSchema,
  MarksBatchBodySchema,
  MarksBatchResultSchema,
  MyAttendanceSchema,
  RefusalListSchema,
  RollCallSchema,
  SessionQrSchema,
  StreamAttendanceSchema,
} from '@ms/contracts/schedule-attendance';
import { requireActor } from '../../plugins/request-context.ts';
import type { ScheduleServices } from './schedule.services.ts';

const TAGS = ['attendance'];

/** QR check-in, the roll-call sheet with offline sync, CSV, percentages and the at-risk list. */
export function registerAttendanceRoutes(app: FastifyInstance, s: ScheduleServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actor = requireActor;

  r.get('/api/sessions/:id/qr', {
    schema: { tags: TAGS, summary: "The session screen's current check-in code (staff); it rotates every 30 s", params: IdParamsSchema, response: { 200: SessionQrSchema } },
    handler: async (q, reply) => reply.header('cache-control', 'no-store').send(await s.attendance.sessionQr(actor(q), q.params.id)),
  });
  r.post('/api/check-ins', {
    schema: {
      tags: TAGS,
      summary: 'Check in with a scanned code. Refusals (malformed, forged, expired, outside_window, wrong_stream, not_participant) answer 400 with `reason` and are logged',
      body: CheckInBodySchema,
      response: { 200: CheckInResultSchema },
    },
    handler: async (q) => s.attendance.checkIn(actor(q), q.body.token, q.ip ?? null),
  });
  r.get('/api/sessions/:id/check-in-refusals', {
    schema: { tags: TAGS, summary: 'Refused check-ins of a session (staff)', params: IdParamsSchema, response: { 200: RefusalListSchema } },
    handler: async (q) => s.attendance.listRefusals(actor(q), q.params.id),
  });
  r.get('/api/sessions/:id/marks', {
    schema: { tags: TAGS, summary: 'The roll-call sheet: every participant of the stream with their mark (staff)', params: IdParamsSchema, response: { 200: RollCallSchema } },
    handler: async (q) => s.attendance.rollCall(actor(q), q.params.id),
  });
  r.post('/api/sessions/:id/marks', {
    schema: { tags: TAGS, summary: 'Sync marks from an offline queue (staff); idempotent by clientMarkId, the latest markedAt wins', params: IdParamsSchema, body: MarksBatchBodySchema, response: { 200: MarksBatchResultSchema } },
    handler: async (q) => s.attendance.syncMarks(actor(q), q.params.id, q.body, q.locale),
  });
  r.get('/api/streams/:id/attendance', {
    schema: { tags: TAGS, summary: 'Attendance % per participant and per module, and the at-risk list (staff)', params: IdParamsSchema, response: { 200: StreamAttendanceSchema } },
    handler: async (q) => s.reports.streamAttendance(actor(q), q.params.id),
  });
  r.get('/api/streams/:id/attendance/export', {
    schema: { tags: TAGS, summary: "A stream's attendance marks as CSV (staff)", params: IdParamsSchema, querystring: AttendanceExportQuerySchema },
    handler: async (q, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="attendance.csv"')
        .header('cache-control', 'no-store')
        .send(await s.reports.exportCsv(actor(q), q.params.id)),
  });
  r.post('/api/streams/:id/attendance/import', {
    schema: { tags: TAGS, summary: 'Import marks from CSV, dry run by default (staff); with any row error nothing is written', params: IdParamsSchema, body: AttendanceImportBodySchema, response: { 200: AttendanceImportResultSchema } },
    handler: async (q) => s.reports.importCsv(actor(q), q.params.id, q.body, q.locale),
  });
  r.get('/api/me/attendance', { schema: { tags: TAGS, summary: 'My attendance in each of my streams', response: { 200: MyAttendanceSchema } }, handler: async (q) => s.reports.myAttendance(actor(q)) });
}

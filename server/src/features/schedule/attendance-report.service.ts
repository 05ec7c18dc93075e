import Papa from 'papaparse';
import { AttendanceStatusSchema, type AttendanceImportBody, type AttendanceImportResult, type ParticipantAttendance, type StreamAttendance } from '@ms/contracts/schedule-attendance';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { translate } from '../../lib/i18n.ts';
import type { Locale, MessageKey } from '../../lib/messages.ts';
import { buildCsv } from '../people/roster.export.ts';
import { fullName } from '../people/roster.service.ts';
import { createAttendanceRepo, type MarkRow } from './attendance.repo.ts';
import { round1 } from './geo.ts';
import type { ScheduleService } from './schedule.service.ts';

const pct = (attended: number, counted: number) => (counted <= 0 ? 100 : round1((attended / counted) * 100));
const CSV_HEADER = ['session_id', 'session_starts_at', 'module', 'session_title', 'person_id', 'full_name', 'status', 'source', 'marked_at'];

/**
 * Attendance percentages, the at-risk list and CSV. A past session (ended before now) with no mark for a
 * person counts as missed; `excused` leaves the session out of that person's count; present and late attend.
 */
export function createAttendanceReportService(deps: { db: Database; clock: Clock; auditBuffer: AuditBuffer; schedule: ScheduleService }) {
  async function participantRows(streamId: string, now: Date, personId?: string) {
    const result = await deps.db.execute<{ person_id: string; last_name: string; first_name: string; middle_name: string | null; region_code: string | null; past: number; attended: number; excused: number }>(sql`
      with past as (
        select s.id from schedule_sessions s join schedule_modules m on m.id = s.module_id
        where m.stream_id = ${streamId} and s.ends_at <= ${now.toISOString()})
      select p.id as person_id, p.last_name, p.first_name, p.middle_name, p.region_code,
             (select count(*) from past)::int as past,
             count(a.id) filter (where a.status in ('present', 'late'))::int as attended,
             count(a.id) filter (where a.status = 'excused')::int as excused
      from enrolments e
      join people p on p.id = e.person_id
      left join attendance_marks a on a.person_id = p.id and a.session_id in (select id from past)
      where e.stream_id = ${streamId} and e.status <> 'withdrawn' ${personId ? sql`and p.id = ${personId}` : sql``}
      group by p.id
      order by p.last_name, p.first_name`);
    return result.rows;
  }

  function toParticipant(row: Awaited<ReturnType<typeof participantRows>>[number], thresholdPct: number): ParticipantAttendance {
    const counted = row.past - row.excused;
    const value = pct(row.attended, counted);
    return {
      personId: row.person_id,
      fullName: fullName({ lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name }),
      regionCode: row.region_code,
      attended: row.attended,
      excused: row.excused,
      missed: Math.max(0, counted - row.attended),
      pct: value,
      isAtRisk: value < thresholdPct,
    };
  }

  return {
    async streamAttendance(actor: Actor, streamId: string): Promise<StreamAttendance> {
      const { stream } = await deps.schedule.streamFor(actor, streamId, 'manage');
      const now = deps.clock.now();
      const rows = await participantRows(streamId, now);
      const participants = rows.map((r) => toParticipant(r, stream.thresholdPct));
      const modules = await deps.db.execute<{ module_id: string; number: number; past: number; attended: number; excused: number }>(sql`
        select m.id as module_id, m.number, count(distinct s.id)::int as past,
               count(a.id) filter (where a.status in ('present', 'late'))::int as attended,
               count(a.id) filter (where a.status = 'excused')::int as excused
        from schedule_modules m
        left join schedule_sessions s on s.module_id = m.id and s.ends_at <= ${now.toISOString()}
        left join attendance_marks a on a.session_id = s.id
          and exists (select 1 from enrolments e where e.person_id = a.person_id and e.stream_id = m.stream_id and e.status <> 'withdrawn')
        where m.stream_id = ${streamId}
        group by m.id order by m.number`);
      deps.auditBuffer.record({ actor, action: 'attendance.report', entity: 'stream', entityId: streamId });
      return {
        streamId,
        thresholdPct: stream.thresholdPct,
        pastSessions: rows[0]?.past ?? 0,
        participants,
        modules: modules.rows.map((m) => ({ moduleId: m.module_id, number: m.number, pastSessions: m.past, pct: pct(m.attended, m.past * participants.length - m.excused) })),
        atRisk: participants.filter((p) => p.isAtRisk).sort((a, b) => a.pct - b.pct),
      };
    },

    /** The signed-in participant's own percentage in each stream they are enrolled in. */
    async myAttendance(actor: Actor) {
      if (!actor.personId) return { thresholdPct: 80, items: [] };
      const enrolled = await deps.db.execute<{ stream_id: string; threshold: number }>(sql`
        select e.stream_id, pr.completion_threshold_pct as threshold from enrolments e
        join streams s on s.id = e.stream_id join intakes i on i.id = s.intake_id join programmes pr on pr.id = i.programme_id
        where e.person_id = ${actor.personId} and e.status <> 'withdrawn'`);
      const now = deps.clock.now();
      const items = [];
      for (const e of enrolled.rows) {
        const [row] = await participantRows(e.stream_id, now, actor.personId);
        if (row) items.push({ ...toParticipant(row, e.threshold), streamId: e.stream_id });
      }
      return { thresholdPct: enrolled.rows[0]?.threshold ?? 80, items };
    },

    async exportCsv(actor: Actor, streamId: string): Promise<Buffer> {
      await deps.schedule.streamFor(actor, streamId, 'manage');
      const result = await deps.db.execute<{ session_id: string; starts_at: Date; number: number; title_ru: string; person_id: string; last_name: string; first_name: string; middle_name: string | null; status: string; source: string; marked_at: Date }>(sql`
        select s.id as session_id, s.starts_at, m.number, s.title_ru, p.id as person_id, p.last_name, p.first_name, p.middle_name, a.status, a.source, a.marked_at
        from attendance_marks a join schedule_sessions s on s.id = a.session_id join schedule_modules m on m.id = s.module_id join people p on p.id = a.person_id
        where m.stream_id = ${streamId} order by s.starts_at, p.last_name, p.first_name`);
      deps.auditBuffer.record({ actor, action: 'attendance.export', entity: 'stream', entityId: streamId, details: { rows: result.rows.length } });
      const iso = (value: Date | string) => new Date(value).toISOString();
      return buildCsv(CSV_HEADER, result.rows.map((r) => [r.session_id, iso(r.starts_at), r.number, r.title_ru, r.person_id, fullName({ lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name }), r.status, r.source, iso(r.marked_at)]));
    },

    /**
     * Imports marks from CSV (the export's columns; `;` or `,`). Every row is checked first; with any
     * error nothing is written. Re-importing the same file changes nothing (the newest mark wins).
     */
    async importCsv(actor: Actor, streamId: string, body: AttendanceImportBody, locale: Locale): Promise<AttendanceImportResult> {
      await deps.schedule.streamFor(actor, streamId, 'manage');
      const parsed = Papa.parse<Record<string, string>>(body.csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimitersToGuess: [';', ','] });
      const ids = await deps.db.execute<{ kind: string; id: string }>(sql`
        select 'session' as kind, s.id from schedule_sessions s join schedule_modules m on m.id = s.module_id where m.stream_id = ${streamId}
        union all select 'person', e.person_id from enrolments e where e.stream_id = ${streamId} and e.status <> 'withdrawn'`);
      const sessions = new Set(ids.rows.filter((r) => r.kind === 'session').map((r) => r.id));
      const persons = new Set(ids.rows.filter((r) => r.kind === 'person').map((r) => r.id));
      const errors: AttendanceImportResult['errors'] = [];
      const marks = new Map<string, MarkRow>();
      const error = (row: number, path: string, key: MessageKey) => errors.push({ row, path, message: translate(locale, key) });
      parsed.data.forEach((record, index) => {
        const row = index + 2;
        const status = AttendanceStatusSchema.safeParse(record.status?.trim());
        const markedAt = new Date(record.marked_at?.trim() ?? '');
        if (!sessions.has(record.session_id?.trim() ?? '')) error(row, 'session_id', 'attendance.unknown_session');
        if (!persons.has(record.person_id?.trim() ?? '')) error(row, 'person_id', 'attendance.not_enrolled');
        if (!status.success) error(row, 'status', 'attendance.bad_status');
        if (Number.isNaN(markedAt.getTime())) error(row, 'marked_at', 'attendance.bad_time');
        if (errors.length > 0 || !status.success) return;
        const key = `${record.session_id!.trim()}|${record.person_id!.trim()}`;
        const previous = marks.get(key);
        if (!previous || previous.markedAt < markedAt) {
          marks.set(key, { sessionId: record.session_id!.trim(), personId: record.person_id!.trim(), status: status.data, source: 'import', markedAt, markedBy: actor.userId, clientMarkId: null });
        }
      });
      if (errors.length > 0 && !body.isDryRun) throw new AppError('import_invalid', { extra: { errors } });
      if (body.isDryRun || errors.length > 0) return { isDryRun: body.isDryRun, rows: parsed.data.length, applied: 0, errors };
      const applied = await deps.db.transaction(async (tx) => {
        const count = await createAttendanceRepo(tx).upsertMarks([...marks.values()]);
        await recordAudit(tx, { actor, action: 'attendance.import', entity: 'stream', entityId: streamId, details: { rows: parsed.data.length, applied: count } });
        return count;
      });
      return { isDryRun: false, rows: parsed.data.length, applied, errors };
    },
  };
}

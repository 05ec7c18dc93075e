import type { CreateSessionBody, Session, UpdateSessionBody } from '@ms/contracts/schedule';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError, notFound, type FieldProblem } from '../../lib/errors.ts';
import { localDate } from './geo.ts';
import { toSession } from './schedule.present.ts';
import { createScheduleRepo } from './schedule.repo.ts';
import type { ScheduleService } from './schedule.service.ts';
import { createTimetableRepo } from './timetable.repo.ts';

interface Planned {
  moduleId: string;
  streamId: string;
  programmeId: string;
  moduleStartsOn: string;
  moduleEndsOn: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  speakerIds: string[];
}

/**
 * Sessions of a module. A write that would put a session outside its module's dates, over another
 * session of the same stream, or a speaker in two places at once is refused with 409 `conflict` and
 * one translated field error per problem (nothing is saved), so the form can show them beside the fields.
 */
export function createSessionsService(deps: { db: Database; schedule: ScheduleService }) {
  const repo = createScheduleRepo(deps.db);
  const timetable = createTimetableRepo(deps.db);

  async function check(plan: Planned, exceptId: string | null): Promise<void> {
    const invalid: FieldProblem[] = [];
    if (plan.endsAt <= plan.startsAt) invalid.push({ path: 'body.endsAt', key: 'schedule.end_before_start' });
    const known = await repo.countSpeakersInProgramme(plan.speakerIds, plan.programmeId);
    if (known !== new Set(plan.speakerIds).size) invalid.push({ path: 'body.speakerIds', key: 'schedule.unknown_speaker' });
    if (invalid.length > 0) throw new AppError('validation', { fields: invalid });

    const conflicts: FieldProblem[] = [];
    const firstDay = localDate(plan.startsAt, plan.timeZone);
    const lastDay = localDate(new Date(plan.endsAt.getTime() - 1), plan.timeZone);
    if (firstDay < plan.moduleStartsOn || lastDay > plan.moduleEndsOn) {
      conflicts.push({ path: 'body.startsAt', key: 'schedule.outside_module', params: { startsOn: plan.moduleStartsOn, endsOn: plan.moduleEndsOn } });
    }
    const [overlaps, busy] = await Promise.all([
      repo.findStreamOverlaps(plan.streamId, plan.startsAt, plan.endsAt, exceptId),
      repo.findSpeakerOverlaps(plan.speakerIds, plan.startsAt, plan.endsAt, exceptId),
    ]);
    for (const other of overlaps.slice(0, 1)) conflicts.push({ path: 'body.endsAt', key: 'schedule.stream_overlap', params: { title: other.titleRu } });
    for (const speaker of busy) conflicts.push({ path: 'body.speakerIds', key: 'schedule.speaker_double_booked', params: { name: speaker.nameRu } });
    if (conflicts.length > 0) throw new AppError('conflict', { fields: conflicts });
  }

  async function present(id: string): Promise<Session> {
    const [row] = await timetable.listSessionById(id);
    if (!row) throw notFound();
    return toSession(row);
  }

  /** The session and its module, if the actor may at least read the module's stream. */
  async function sessionFor(actor: Actor, id: string, mode: 'read' | 'manage') {
    const session = await repo.findSessionRow(id);
    if (!session) throw notFound();
    const module = await deps.schedule.moduleFor(actor, session.moduleId, mode);
    return { session, ...module };
  }

  return {
    sessionFor,

    async getSession(actor: Actor, id: string): Promise<Session> {
      await sessionFor(actor, id, 'read');
      return present(id);
    },

    async createSession(actor: Actor, body: CreateSessionBody): Promise<Session> {
      const { row } = await deps.schedule.moduleFor(actor, body.moduleId, 'manage');
      const { speakerIds, ...values } = body;
      const plan: Planned = {
        moduleId: row.module.id,
        streamId: row.streamId,
        programmeId: row.programmeId,
        moduleStartsOn: row.module.startsOn,
        moduleEndsOn: row.module.endsOn,
        timeZone: row.venue.timeZone,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
        speakerIds: [...new Set(speakerIds)],
      };
      await check(plan, null);
      const id = await deps.db.transaction(async (tx) => {
        const created = await createScheduleRepo(tx).insertSession({ ...values, startsAt: plan.startsAt, endsAt: plan.endsAt }, plan.speakerIds);
        await recordAudit(tx, { actor, action: 'session.create', entity: 'session', entityId: created.id });
        return created.id;
      });
      return present(id);
    },

    async updateSession(actor: Actor, id: string, body: UpdateSessionBody): Promise<Session> {
      const { session, row } = await sessionFor(actor, id, 'manage');
      const { speakerIds, startsAt, endsAt, ...values } = body;
      const current = await timetable.listSessionById(id);
      const plan: Planned = {
        moduleId: row.module.id,
        streamId: row.streamId,
        programmeId: row.programmeId,
        moduleStartsOn: row.module.startsOn,
        moduleEndsOn: row.module.endsOn,
        timeZone: row.venue.timeZone,
        startsAt: startsAt ? new Date(startsAt) : session.startsAt,
        endsAt: endsAt ? new Date(endsAt) : session.endsAt,
        speakerIds: speakerIds ? [...new Set(speakerIds)] : (current[0]?.speakers ?? []).map((s) => s.id),
      };
      await check(plan, id);
      await deps.db.transaction(async (tx) => {
        await createScheduleRepo(tx).updateSession(id, { ...values, startsAt: plan.startsAt, endsAt: plan.endsAt }, speakerIds ? plan.speakerIds : undefined);
        await recordAudit(tx, { actor, action: 'session.update', entity: 'session', entityId: id, details: { fields: Object.keys(body) } });
      });
      return present(id);
    },

    async deleteSession(actor: Actor, id: string): Promise<{ ok: true }> {
      await sessionFor(actor, id, 'manage');
      try {
        await deps.db.transaction(async (tx) => {
          await createScheduleRepo(tx).deleteSession(id);
          await recordAudit(tx, { actor, action: 'session.delete', entity: 'session', entityId: id });
        });
      } catch (error) {
        // Attendance already recorded keeps the session: deleting it would lose the marks.
        if ((error as { cause?: { code?: string } }).cause?.code === '23503' || (error as { code?: string }).code === '23503') throw new AppError('conflict', { cause: error });
        throw error;
      }
      return { ok: true };
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;

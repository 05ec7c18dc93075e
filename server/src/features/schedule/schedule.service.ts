import type {
  CreateModuleBody,
  CreateSpeakerBody,
  CreateVenueBody,
  Module,
  Speaker,
  UpdateModuleBody,
  UpdateSpeakerBody,
  UpdateVenueBody,
  Venue,
} from '@ms/contracts/schedule';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { regions, users } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError, notFound, type FieldProblem } from '../../lib/errors.ts';
import { canViewNode } from '../programmes/programmes.policy.ts';
import { createProgrammesRepo, uniqueViolation } from '../programmes/programmes.repo.ts';
import { localDate } from './geo.ts';
import { canManageSchedule, canReadStreamSchedule } from './schedule.policy.ts';
import { toModule, toSpeaker, toVenue } from './schedule.present.ts';
import { createScheduleRepo, type Executor } from './schedule.repo.ts';

/** Venues, modules and speakers: read by whoever sees the programme or stream, managed by its staff. */
export function createScheduleService(deps: { db: Database }) {
  const repo = createScheduleRepo(deps.db);
  const programmes = createProgrammesRepo(deps.db);

  async function write<T>(work: (tx: Executor) => Promise<T>, uniqueField?: string): Promise<T> {
    try {
      return await deps.db.transaction((tx) => work(tx));
    } catch (error) {
      if (uniqueViolation(error) === null) throw error;
      throw new AppError('conflict', { fields: uniqueField ? [{ path: uniqueField, key: 'field.taken' }] : [], cause: error });
    }
  }

  async function programmeFor(actor: Actor, programmeId: string, mode: 'read' | 'manage') {
    const programme = await repo.findProgramme(programmeId);
    if (!programme) throw notFound();
    const path = { organisationId: programme.organisationId, programmeId: programme.programmeId };
    if (canManageSchedule(actor, path)) return programme;
    if (mode === 'read' && canViewNode(await programmes.resolveScopes(actor), path)) return programme;
    throw canViewNode(await programmes.resolveScopes(actor), path) ? new AppError('forbidden') : notFound();
  }

  async function checkRegion(code: string | null | undefined, path: string): Promise<FieldProblem[]> {
    if (!code) return [];
    const [row] = await deps.db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
    return row ? [] : [{ path, key: 'field.unknown_region' }];
  }
  async function checkRegions(codes: string[] | undefined, path: string): Promise<FieldProblem[]> {
    const problems = await Promise.all((codes ?? []).map((code, i) => checkRegion(code, `${path}.${i}`)));
    return problems.flat();
  }
  async function checkUser(id: string | null | undefined, path: string): Promise<FieldProblem[]> {
    if (!id) return [];
    const [row] = await deps.db.select({ id: users.id }).from(users).where(eq(users.id, id));
    return row ? [] : [{ path, key: 'schedule.unknown_coordinator' }];
  }
  /**
   * Deletes in one transaction with its audit record; what still points at the row (modules at a venue,
   * sessions in a module, sessions a speaker leads) makes PostgreSQL refuse, answered as 409 `in_use`.
   */
  async function remove(actor: Actor, entity: 'venue' | 'module' | 'speaker', id: string, work: (tx: Executor) => Promise<void>): Promise<{ ok: true }> {
    try {
      await deps.db.transaction(async (tx) => {
        await work(tx);
        await recordAudit(tx, { actor, action: `${entity}.delete`, entity, entityId: id });
      });
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      if (code === '23503') throw new AppError('in_use', { fields: [{ path: 'params.id', key: `schedule.${entity}_in_use` }], cause: error });
      throw error;
    }
    return { ok: true };
  }
  const fail = (problems: FieldProblem[]) => {
    if (problems.length > 0) throw new AppError('validation', { fields: problems });
  };

  /** The module with its stream path, if the actor may at least read the stream. */
  async function moduleFor(actor: Actor, id: string, mode: 'read' | 'manage') {
    const row = await repo.findModule(id);
    if (!row) throw notFound();
    const path = { organisationId: row.organisationId, programmeId: row.programmeId, intakeId: row.intakeId, streamId: row.streamId };
    const canManage = canManageSchedule(actor, path);
    if (canManage) return { row, path, canManage };
    const canRead = canReadStreamSchedule(actor, await programmes.resolveScopes(actor), path);
    if (mode === 'read' && canRead) return { row, path, canManage };
    throw canRead ? new AppError('forbidden') : notFound();
  }

  async function streamFor(actor: Actor, streamId: string, mode: 'read' | 'manage') {
    const stream = await repo.findStreamPath(streamId);
    if (!stream) throw notFound();
    const path = { organisationId: stream.organisationId, programmeId: stream.programmeId, intakeId: stream.intakeId, streamId: stream.streamId };
    const canManage = canManageSchedule(actor, path);
    if (canManage) return { stream, path, canManage };
    const canRead = canReadStreamSchedule(actor, await programmes.resolveScopes(actor), path);
    if (mode === 'read' && canRead) return { stream, path, canManage };
    throw canRead ? new AppError('forbidden') : notFound();
  }

  return {
    moduleFor,
    streamFor,
    programmeFor,

    async listVenues(actor: Actor, programmeId: string): Promise<{ items: Venue[] }> {
      await programmeFor(actor, programmeId, 'read');
      return { items: (await repo.listVenues(programmeId)).map(toVenue) };
    },
    async createVenue(actor: Actor, body: CreateVenueBody): Promise<Venue> {
      await programmeFor(actor, body.programmeId, 'manage');
      fail(await checkRegion(body.regionCode, 'body.regionCode'));
      return write(async (tx) => {
        const row = await createScheduleRepo(tx).insertVenue(body);
        await recordAudit(tx, { actor, action: 'venue.create', entity: 'venue', entityId: row.id });
        return toVenue(row);
      });
    },
    async updateVenue(actor: Actor, id: string, body: UpdateVenueBody): Promise<Venue> {
      const venue = await repo.findVenue(id);
      if (!venue) throw notFound();
      await programmeFor(actor, venue.programmeId, 'manage');
      fail(await checkRegion(body.regionCode, 'body.regionCode'));
      return write(async (tx) => {
        await createScheduleRepo(tx).updateVenue(id, body);
        await recordAudit(tx, { actor, action: 'venue.update', entity: 'venue', entityId: id, details: { fields: Object.keys(body) } });
        return toVenue({ ...venue, ...body });
      });
    },

    async deleteVenue(actor: Actor, id: string): Promise<{ ok: true }> {
      const venue = await repo.findVenue(id);
      if (!venue) throw notFound();
      await programmeFor(actor, venue.programmeId, 'manage');
      return remove(actor, 'venue', id, (tx) => createScheduleRepo(tx).deleteVenue(id));
    },

    async listModules(actor: Actor, streamId: string): Promise<{ items: Module[] }> {
      const { canManage } = await streamFor(actor, streamId, 'read');
      return { items: (await repo.listModules(streamId)).map((r) => toModule(r.module, r.venue, canManage)) };
    },
    async getModule(actor: Actor, id: string): Promise<Module> {
      const { row, canManage } = await moduleFor(actor, id, 'read');
      return toModule(row.module, row.venue, canManage);
    },
    async createModule(actor: Actor, body: CreateModuleBody): Promise<Module> {
      const { stream } = await streamFor(actor, body.streamId, 'manage');
      const venue = await repo.findVenue(body.venueId);
      fail([
        ...(body.endsOn < body.startsOn ? [{ path: 'body.endsOn', key: 'field.end_before_start' } as const] : []),
        ...(!venue || venue.programmeId !== stream.programmeId ? [{ path: 'body.venueId', key: 'schedule.unknown_venue' } as const] : []),
        ...(await checkRegion(body.hostRegionCode, 'body.hostRegionCode')),
        ...(await checkRegions(body.coHostRegionCodes, 'body.coHostRegionCodes')),
        ...(await checkUser(body.hostCoordinatorUserId, 'body.hostCoordinatorUserId')),
      ]);
      return write(async (tx) => {
        const row = await createScheduleRepo(tx).insertModule(body);
        await recordAudit(tx, { actor, action: 'module.create', entity: 'module', entityId: row.id });
        return toModule(row, venue!, true);
      }, 'body.number');
    },
    async updateModule(actor: Actor, id: string, body: UpdateModuleBody): Promise<Module> {
      const { row } = await moduleFor(actor, id, 'manage');
      const next = { ...row.module, ...body };
      const venue = body.venueId ? await repo.findVenue(body.venueId) : row.venue;
      const problems: FieldProblem[] = [
        ...(next.endsOn < next.startsOn ? [{ path: 'body.endsOn', key: 'field.end_before_start' } as const] : []),
        ...(!venue || venue.programmeId !== row.programmeId ? [{ path: 'body.venueId', key: 'schedule.unknown_venue' } as const] : []),
        ...(await checkRegion(body.hostRegionCode, 'body.hostRegionCode')),
        ...(await checkRegions(body.coHostRegionCodes, 'body.coHostRegionCodes')),
        ...(await checkUser(body.hostCoordinatorUserId, 'body.hostCoordinatorUserId')),
      ];
      if (venue && (body.startsOn || body.endsOn || body.venueId)) {
        const sessions = await repo.listModuleSessionTimes(id);
        const outside = sessions.some((s) => localDate(s.startsAt, venue.timeZone) < next.startsOn || localDate(s.endsAt, venue.timeZone) > next.endsOn);
        if (outside) problems.push({ path: 'body.startsOn', key: 'schedule.module_sessions_outside' });
      }
      fail(problems);
      return write(async (tx) => {
        await createScheduleRepo(tx).updateModule(id, body);
        await recordAudit(tx, { actor, action: 'module.update', entity: 'module', entityId: id, details: { fields: Object.keys(body) } });
        return toModule(next, venue!, true);
      }, 'body.number');
    },

    async deleteModule(actor: Actor, id: string): Promise<{ ok: true }> {
      await moduleFor(actor, id, 'manage');
      return remove(actor, 'module', id, (tx) => createScheduleRepo(tx).deleteModule(id));
    },

    async listSpeakers(actor: Actor, programmeId: string): Promise<{ items: Speaker[] }> {
      await programmeFor(actor, programmeId, 'read');
      return { items: (await repo.listSpeakers(programmeId)).map(toSpeaker) };
    },
    async getSpeaker(actor: Actor, id: string): Promise<Speaker> {
      const speaker = await repo.findSpeaker(id);
      if (!speaker) throw notFound();
      await programmeFor(actor, speaker.programmeId, 'read');
      return toSpeaker(speaker);
    },
    async createSpeaker(actor: Actor, body: CreateSpeakerBody): Promise<Speaker> {
      await programmeFor(actor, body.programmeId, 'manage');
      fail(await checkUser(body.userId, 'body.userId'));
      return write(async (tx) => {
        const row = await createScheduleRepo(tx).insertSpeaker(body);
        await recordAudit(tx, { actor, action: 'speaker.create', entity: 'speaker', entityId: row.id });
        return toSpeaker({ ...row, sessionCount: 0 });
      });
    },
    async updateSpeaker(actor: Actor, id: string, body: UpdateSpeakerBody): Promise<Speaker> {
      const speaker = await repo.findSpeaker(id);
      if (!speaker) throw notFound();
      await programmeFor(actor, speaker.programmeId, 'manage');
      fail(await checkUser(body.userId, 'body.userId'));
      return write(async (tx) => {
        await createScheduleRepo(tx).updateSpeaker(id, body);
        await recordAudit(tx, { actor, action: 'speaker.update', entity: 'speaker', entityId: id, details: { fields: Object.keys(body) } });
        return toSpeaker({ ...speaker, ...body });
      });
    },
    async deleteSpeaker(actor: Actor, id: string): Promise<{ ok: true }> {
      const speaker = await repo.findSpeaker(id);
      if (!speaker) throw notFound();
      await programmeFor(actor, speaker.programmeId, 'manage');
      return remove(actor, 'speaker', id, (tx) => createScheduleRepo(tx).deleteSpeaker(id));
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;

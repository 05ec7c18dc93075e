import type { CreateTravelLegBody, TravelLeg, UpdateTravelLegBody } from '@ms/contracts/schedule';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { travelLegs } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { canReadModuleLogistics } from './schedule.policy.ts';
import { toTravelLeg } from './schedule.present.ts';
import { createScheduleRepo } from './schedule.repo.ts';
import type { ScheduleService } from './schedule.service.ts';
import type { TimetableService } from './timetable.service.ts';
import { createTimetableRepo } from './timetable.repo.ts';

/** Participants' travel legs: managed by staff, read by the module's host, the traveller reads their own. */
export function createTravelService(deps: { db: Database; auditBuffer: AuditBuffer; schedule: ScheduleService; timetable: TimetableService }) {
  const repo = createTimetableRepo(deps.db);
  const scheduleRepo = createScheduleRepo(deps.db);

  async function present(id: string): Promise<TravelLeg> {
    const [row] = await repo.listTravelLegs(eq(travelLegs.id, id));
    if (!row) throw notFound();
    return toTravelLeg(row);
  }
  async function legFor(actor: Actor, id: string) {
    const [leg] = await deps.db.select().from(travelLegs).where(eq(travelLegs.id, id));
    if (!leg) throw notFound();
    await deps.schedule.moduleFor(actor, leg.moduleId, 'manage');
    return leg;
  }
  const checkTimes = (departAt: Date, arriveAt: Date) => {
    if (arriveAt < departAt) throw new AppError('validation', { fields: [{ path: 'body.arriveAt', key: 'schedule.end_before_start' }] });
  };

  return {
    async listModuleTravel(actor: Actor, moduleId: string): Promise<{ items: TravelLeg[] }> {
      const row = await scheduleRepo.findModule(moduleId);
      if (!row || !canReadModuleLogistics(actor, row.module, { organisationId: row.organisationId, programmeId: row.programmeId, streamId: row.streamId })) throw notFound();
      const items = (await repo.listTravelLegs(repo.listModuleTravel(moduleId))).map(toTravelLeg);
      deps.auditBuffer.record({ actor, action: 'travel.list', entity: 'module', entityId: moduleId, details: { count: items.length } });
      return { items };
    },
    async myTravel(actor: Actor): Promise<{ items: TravelLeg[] }> {
      if (!actor.personId) return { items: [] };
      return { items: (await repo.listTravelLegs(repo.listPersonTravel(actor.personId))).map(toTravelLeg) };
    },
    async createLeg(actor: Actor, body: CreateTravelLegBody): Promise<TravelLeg> {
      const { row } = await deps.schedule.moduleFor(actor, body.moduleId, 'manage');
      if (!(await deps.timetable.isEnrolled(body.personId, row.streamId))) throw new AppError('validation', { fields: [{ path: 'body.personId', key: 'schedule.unknown_person' }] });
      const departAt = new Date(body.departAt);
      const arriveAt = new Date(body.arriveAt);
      checkTimes(departAt, arriveAt);
      const id = await deps.db.transaction(async (tx) => {
        const [created] = await tx.insert(travelLegs).values({ ...body, departAt, arriveAt }).returning({ id: travelLegs.id });
        await recordAudit(tx, { actor, action: 'travel.create', entity: 'travel_leg', entityId: created!.id, details: { personId: body.personId } });
        return created!.id;
      });
      return present(id);
    },
    async updateLeg(actor: Actor, id: string, body: UpdateTravelLegBody): Promise<TravelLeg> {
      const leg = await legFor(actor, id);
      const departAt = body.departAt ? new Date(body.departAt) : leg.departAt;
      const arriveAt = body.arriveAt ? new Date(body.arriveAt) : leg.arriveAt;
      checkTimes(departAt, arriveAt);
      await deps.db.transaction(async (tx) => {
        await tx.update(travelLegs).set({ ...body, departAt, arriveAt }).where(eq(travelLegs.id, id));
        await recordAudit(tx, { actor, action: 'travel.update', entity: 'travel_leg', entityId: id, details: { fields: Object.keys(body) } });
      });
      return present(id);
    },
    async deleteLeg(actor: Actor, id: string): Promise<{ ok: true }> {
      await legFor(actor, id);
      await deps.db.transaction(async (tx) => {
        await tx.delete(travelLegs).where(eq(travelLegs.id, id));
        await recordAudit(tx, { actor, action: 'travel.delete', entity: 'travel_leg', entityId: id });
      });
      return { ok: true };
    },
  };
}

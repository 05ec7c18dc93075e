import type { SetSiteVisitAttendeesBody, SiteVisitAttendees, SiteVisitSplit } from '@ms/contracts/schedule';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { canReadModuleLogistics } from './schedule.policy.ts';
import type { SessionsService } from './sessions.service.ts';
import type { ScheduleService } from './schedule.service.ts';
import { groupParallel, splitAmongVisits } from './site-visit-split.ts';
import { createSiteVisitsRepo, VISIT_KINDS } from './site-visits.repo.ts';

const isVisitKind = (kind: string) => (VISIT_KINDS as readonly string[]).includes(kind);

/** Who goes on which site visit: staff assign or distribute; staff and the module's host read the names. */
export function createSiteVisitsService(deps: { db: Database; auditBuffer: AuditBuffer; schedule: ScheduleService; sessions: SessionsService }) {
  const repo = createSiteVisitsRepo(deps.db);

  async function present(sessionId: string, capacity: number | null): Promise<SiteVisitAttendees> {
    const rows = await repo.listAttendees([sessionId]);
    return { sessionId, capacity, items: rows.map(({ sessionId: _s, ...row }) => row) };
  }

  return {
    /** The names of a visit's group: personal data, so only staff and the module's host read them. */
    async listAttendees(actor: Actor, sessionId: string): Promise<SiteVisitAttendees> {
      const { session, row, path } = await deps.sessions.sessionFor(actor, sessionId, 'read');
      if (!canReadModuleLogistics(actor, row.module, path)) throw new AppError('forbidden');
      const result = await present(sessionId, session.capacity);
      deps.auditBuffer.record({ actor, action: 'person.read', entity: 'session', entityId: sessionId, details: { siteVisit: true, rowCount: result.items.length } });
      return result;
    },

    /** Sets the whole group of one visit; its people leave any visit of the module running at the same time. */
    async setAttendees(actor: Actor, sessionId: string, body: SetSiteVisitAttendeesBody): Promise<SiteVisitAttendees> {
      const { session, row } = await deps.sessions.sessionFor(actor, sessionId, 'manage');
      if (!isVisitKind(session.kind)) throw new AppError('validation', { fields: [{ path: 'params.id', key: 'schedule.not_a_visit' }] });
      const personIds = [...new Set(body.personIds)];
      const enrolled = new Set(await repo.filterEnrolled(row.streamId, personIds));
      const strangers = body.personIds.flatMap((id, i) => (enrolled.has(id) ? [] : [{ path: `body.personIds.${i}`, key: 'schedule.not_in_stream' as const }]));
      if (strangers.length > 0) throw new AppError('validation', { fields: strangers });
      if (session.capacity !== null && personIds.length > session.capacity) {
        throw new AppError('validation', { fields: [{ path: 'body.personIds', key: 'schedule.over_capacity', params: { capacity: session.capacity, count: personIds.length } }] });
      }
      const parallel = groupParallel(await repo.listModuleVisits(session.moduleId)).find((group) => group.some((v) => v.id === sessionId)) ?? [];
      await deps.db.transaction(async (tx) => {
        const txRepo = createSiteVisitsRepo(tx);
        await txRepo.clearSessions([sessionId]);
        await txRepo.removePeopleFrom(parallel.map((v) => v.id).filter((id) => id !== sessionId), personIds);
        await txRepo.insertAssignments(personIds.map((personId) => ({ sessionId, personId })));
        await recordAudit(tx, { actor, action: 'site_visit.assign', entity: 'session', entityId: sessionId, details: { count: personIds.length } });
      });
      return present(sessionId, session.capacity);
    },

    /**
     * Splits the stream's participants across each set of parallel visits of the module, replacing the
     * groups assigned before. Deterministic: the same roster gives the same groups.
     */
    async distribute(actor: Actor, moduleId: string): Promise<SiteVisitSplit> {
      const { row } = await deps.schedule.moduleFor(actor, moduleId, 'manage');
      const people = (await repo.listStreamParticipants(row.streamId)).map((p) => p.personId);
      const groups = groupParallel(await repo.listModuleVisits(moduleId));
      const plans = groups.map((visits) => ({ visits, ...splitAmongVisits(people, visits) }));
      await deps.db.transaction(async (tx) => {
        const txRepo = createSiteVisitsRepo(tx);
        const rows = plans.flatMap((plan) => [...plan.assigned.entries()].flatMap(([sessionId, ids]) => ids.map((personId) => ({ sessionId, personId }))));
        await txRepo.clearSessions(groups.flat().map((v) => v.id));
        await txRepo.insertAssignments(rows);
        await recordAudit(tx, { actor, action: 'site_visit.distribute', entity: 'module', entityId: moduleId, details: { people: people.length, visits: groups.flat().length } });
      });
      return {
        moduleId,
        groups: plans.map((plan) => ({
          sessions: plan.visits.map((v) => ({ sessionId: v.id, count: plan.assigned.get(v.id)!.length })),
          unplaced: plan.unplaced.length,
        })),
      };
    },
  };
}

export type SiteVisitsService = ReturnType<typeof createSiteVisitsService>;

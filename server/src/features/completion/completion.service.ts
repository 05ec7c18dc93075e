import {
  StreamProgressQuerySchema,
  type CompletionRules,
  type MyProgress,
  type StreamProgress,
  type StreamProgressQuery,
} from '@ms/contracts/completion';
import type { Database } from '../../db/client.ts';
import { isStaffAt, type Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { canViewNode } from '../programmes/programmes.policy.ts';
import { createProgrammesRepo } from '../programmes/programmes.repo.ts';
import { evaluateCompletion, rulesOf } from './completion.evaluate.ts';
import { createCompletionRepo } from './completion.repo.ts';

export { evaluateCompletion } from './completion.evaluate.ts';

/**
 * Completion rules per programme (staff), progress per stream (staff) and per participant (their own),
 * and exceptions staff grant with a reason. Every grant and revocation is audited.
 */
export function createCompletionService(deps: { db: Database; clock: Clock; auditBuffer: AuditBuffer }) {
  const repo = createCompletionRepo(deps.db);
  const scopes = createProgrammesRepo(deps.db);

  /** Staff of the node; 403 for others who can see it, 404 for anyone else. */
  async function requireStaff(actor: Actor, path: { organisationId: string; programmeId: string; intakeId?: string; streamId?: string }) {
    if (isStaffAt(actor, path)) return;
    throw canViewNode(await scopes.resolveScopes(actor), path) ? new AppError('forbidden') : notFound();
  }
  async function streamAsStaff(actor: Actor, streamId: string) {
    const stream = await repo.findStream(streamId);
    if (!stream) throw notFound();
    await requireStaff(actor, stream);
    return stream;
  }

  return {
    async getRules(actor: Actor, programmeId: string): Promise<CompletionRules> {
      const programme = await repo.findProgramme(programmeId);
      if (!programme) throw notFound();
      await requireStaff(actor, programme);
      return rulesOf(programmeId, programme.thresholdPct, await repo.findRules(programmeId));
    },

    async updateRules(actor: Actor, programmeId: string, body: Partial<Omit<CompletionRules, 'programmeId' | 'thresholdPct'>>): Promise<CompletionRules> {
      const programme = await repo.findProgramme(programmeId);
      if (!programme) throw notFound();
      await requireStaff(actor, programme);
      const current = rulesOf(programmeId, programme.thresholdPct, await repo.findRules(programmeId));
      const next = { ...current, ...body };
      await deps.db.transaction(async (tx) => {
        await createCompletionRepo(tx).upsertRules({
          programmeId,
          isAttendanceRequired: next.isAttendanceRequired,
          isAssignmentsRequired: next.isAssignmentsRequired,
          isProjectRequired: next.isProjectRequired,
          updatedBy: actor.userId,
          updatedAt: deps.clock.now(),
        });
        await recordAudit(tx, { actor, action: 'completion.rules', entity: 'programme', entityId: programmeId, details: body });
      });
      return next;
    },

    async streamProgress(actor: Actor, streamId: string, input: StreamProgressQuery): Promise<StreamProgress> {
      await streamAsStaff(actor, streamId);
      const query = StreamProgressQuerySchema.parse(input);
      const { rules, items } = await evaluateCompletion(deps.db, streamId, { now: deps.clock.now() });
      deps.auditBuffer.record({ actor, action: 'completion.read', entity: 'stream', entityId: streamId });
      const needle = query.q?.toLocaleLowerCase('ru');
      const has = (i: (typeof items)[number], kind: string) => i.missing.some((m) => m.kind === kind);
      const filtered = items.filter((i) => {
        if (needle && !i.fullName.toLocaleLowerCase('ru').includes(needle)) return false;
        switch (query.filter) {
          case 'eligible': return i.isEligible;
          case 'not_eligible': return !i.isEligible;
          case 'missing_attendance': return has(i, 'attendance');
          case 'missing_assignment': return has(i, 'assignment');
          case 'missing_project': return has(i, 'project');
          case 'exception': return i.exception !== null;
          default: return true;
        }
      });
      const start = (query.page - 1) * query.pageSize;
      return {
        rules,
        counts: { total: items.length, eligible: items.filter((i) => i.isEligible).length, exceptions: items.filter((i) => i.exception).length },
        items: filtered.slice(start, start + query.pageSize),
        total: filtered.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** The signed-in participant's progress in each stream they are enrolled in. */
    async myProgress(actor: Actor): Promise<MyProgress> {
      if (!actor.personId) return { items: [] };
      const items = [];
      for (const streamId of await repo.listEnrolledStreams(actor.personId)) {
        const stream = (await repo.findStream(streamId))!;
        const { rules, items: people } = await evaluateCompletion(deps.db, streamId, { now: deps.clock.now() });
        const own = people.find((p) => p.personId === actor.personId);
        if (own) items.push({ ...own, streamId, streamNameRu: stream.nameRu, streamNameEn: stream.nameEn, rules });
      }
      return { items };
    },

    async grantException(actor: Actor, streamId: string, personId: string, reason: string): Promise<{ ok: true }> {
      await streamAsStaff(actor, streamId);
      if (!(await repo.isEnrolled(personId, streamId))) throw notFound();
      await deps.db.transaction(async (tx) => {
        const row = await createCompletionRepo(tx).insertException({ streamId, personId, reason, grantedBy: actor.userId, grantedAt: deps.clock.now() });
        if (!row) throw new AppError('conflict', { fields: [{ path: 'personId', key: 'completion.exception_exists' }] });
        await recordAudit(tx, { actor, action: 'completion.exception_grant', entity: 'person', entityId: personId, details: { streamId, reason } });
      });
      return { ok: true };
    },

    async revokeException(actor: Actor, streamId: string, personId: string): Promise<{ ok: true }> {
      await streamAsStaff(actor, streamId);
      await deps.db.transaction(async (tx) => {
        const id = await createCompletionRepo(tx).revokeException(streamId, personId, actor.userId, deps.clock.now());
        if (!id) throw notFound();
        await recordAudit(tx, { actor, action: 'completion.exception_revoke', entity: 'person', entityId: personId, details: { streamId } });
      });
      return { ok: true };
    },
  };
}

import type { CeremonyGraduates, ScheduledIssue } from '@ms/contracts/diplomas';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { JobQueue } from '../../lib/jobs.ts';
import { createCeremonyRepo } from './diplomas.ceremony.repo.ts';
import { isoSeconds } from './diplomas.credential.ts';
import { evaluateEligibility } from './diplomas.eligibility.ts';
import { ISSUE_JOB } from './diplomas.jobs.ts';
import { canManageDiplomas } from './diplomas.policy.ts';
import { diplomaStatus } from './diplomas.present.ts';
import { createDiplomasRepo, type StreamContext } from './diplomas.repo.ts';

/**
 * The diploma ceremony: the final module's ceremony session lists the stream's graduates, and staff may
 * schedule the bulk issuance for the ceremony's start (a pg-boss run with startAfter) or cancel it.
 */
export function createCeremonyService(deps: { db: Database; clock: Clock; auditBuffer: AuditBuffer; jobs: JobQueue }) {
  const repo = createCeremonyRepo(deps.db);
  const diplomas = createDiplomasRepo(deps.db);

  async function managedStream(actor: Actor, streamId: string): Promise<StreamContext> {
    const stream = await diplomas.streamContext(streamId);
    if (!stream || !canManageDiplomas(actor, { organisationId: stream.organisationId, programmeId: stream.programmeId, streamId })) throw notFound();
    return stream;
  }

  return {
    /** Graduates of the stream whose final ceremony this session is (staff); any other session answers 404. */
    async graduates(actor: Actor, sessionId: string): Promise<CeremonyGraduates> {
      const ceremony = await repo.finalCeremonyBySession(sessionId);
      if (!ceremony || !canManageDiplomas(actor, ceremony)) throw notFound();
      const stream = (await diplomas.streamContext(ceremony.streamId))!;
      const now = deps.clock.now();
      const [rows, issued, scheduledIssue] = await Promise.all([
        evaluateEligibility(deps.db, { streamId: stream.streamId, thresholdPct: stream.thresholdPct, at: now }),
        diplomas.diplomasOfStream(stream.streamId),
        repo.scheduledIssueRun(stream.streamId),
      ]);
      const byPerson = new Map(issued.map((d) => [d.personId, d]));
      const graduates = rows
        .filter((r) => r.isEligible || byPerson.has(r.personId))
        .map((r) => {
          const d = byPerson.get(r.personId);
          return { personId: r.personId, fullName: r.fullName, regionCode: r.regionCode, isEligible: r.isEligible, diploma: d ? { id: d.id, registryNumber: d.registryNumber, status: diplomaStatus(d, now) } : null };
        });
      deps.auditBuffer.record({ actor, action: 'diploma.ceremony_graduates', entity: 'schedule_session', entityId: sessionId });
      return {
        sessionId,
        streamId: stream.streamId,
        startsAt: ceremony.startsAt.toISOString(),
        counts: { graduates: graduates.length, issued: graduates.filter((g) => g.diploma).length },
        graduates,
        scheduledIssue,
      };
    },

    /**
     * Schedules bulk issuance for the start of the final module's ceremony, dated that moment. Asking
     * again for the same time answers the run already scheduled; a moved ceremony replaces it.
     */
    async scheduleIssue(actor: Actor, streamId: string): Promise<ScheduledIssue> {
      await managedStream(actor, streamId);
      const ceremony = await repo.finalCeremonyOfStream(streamId);
      if (!ceremony) throw new AppError('conflict', { fields: [{ path: 'streamId', key: 'diploma.no_ceremony' }] });
      if (ceremony.startsAt.getTime() <= deps.clock.now().getTime()) throw new AppError('conflict', { fields: [{ path: 'streamId', key: 'diploma.ceremony_passed' }] });
      const startAfter = isoSeconds(ceremony.startsAt);
      const existing = await repo.scheduledIssueRun(streamId);
      if (existing && existing.startAfter === startAfter) return existing;
      if (existing) await deps.jobs.cancel(ISSUE_JOB, existing.runId);
      const input = { streamId, validFrom: startAfter, actorUserId: actor.userId, actorEmail: actor.email, startAfter };
      const runId = await deps.jobs.enqueue(ISSUE_JOB, input, actor, { startAfter: ceremony.startsAt });
      await recordAudit(deps.db, { actor, action: 'diploma.issue_scheduled', entity: 'stream', entityId: streamId, details: { jobId: runId, startAfter, sessionId: ceremony.sessionId } });
      return { runId, startAfter };
    },

    /** Cancels the scheduled issuance; 404 when none waits, 409 when it has already started. */
    async cancelScheduledIssue(actor: Actor, streamId: string): Promise<{ ok: true }> {
      await managedStream(actor, streamId);
      const existing = await repo.scheduledIssueRun(streamId);
      if (!existing) throw notFound();
      if (!(await deps.jobs.cancel(ISSUE_JOB, existing.runId))) throw new AppError('conflict', { fields: [{ path: 'streamId', key: 'diploma.issue_already_started' }] });
      await recordAudit(deps.db, { actor, action: 'diploma.issue_schedule_cancelled', entity: 'stream', entityId: streamId, details: { jobId: existing.runId, startAfter: existing.startAfter } });
      return { ok: true as const };
    },
  };
}

export type CeremonyService = ReturnType<typeof createCeremonyService>;

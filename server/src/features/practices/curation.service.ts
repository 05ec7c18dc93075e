import type { Practice } from '@ms/contracts/practices';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { canCuratePractice } from './practices.policy.ts';
import { createPracticesRepo, type Executor } from './practices.repo.ts';
import type { PracticesService } from './practices.service.ts';

/** A recorded value as text for the history view. */
const asText = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));

/** Staff curation: approve or reject proposals, merge duplicates, read the edit history. */
export function createCurationService(deps: { db: Database; clock: Clock; practices: PracticesService }) {
  const repo = createPracticesRepo(deps.db);

  /** The practice if the actor curates it; a reader who cannot curate gets 403, anyone else 404. */
  async function curated(actor: Actor, id: string) {
    const { row, scope } = await deps.practices.readable(actor, id);
    if (!canCuratePractice(actor, scope)) throw new AppError('forbidden');
    return row.practice;
  }

  async function decide(actor: Actor, id: string, decision: 'approved' | 'rejected', note: string): Promise<Practice> {
    const practice = await curated(actor, id);
    if (practice.status !== 'proposed' && !(decision === 'approved' && practice.status === 'rejected')) {
      throw new AppError('conflict', { fields: [{ path: 'status', key: 'practices.not_proposed' }] });
    }
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      const txRepo = createPracticesRepo(tx as Executor);
      await txRepo.updatePractice(id, { status: decision, approvedByUserId: decision === 'approved' ? actor.userId : null, approvedAt: decision === 'approved' ? now : null, updatedAt: now });
      await txRepo.insertRevision({ practiceId: id, editorUserId: actor.userId, action: decision === 'approved' ? 'approve' : 'reject', changes: { status: [practice.status, decision] }, note, createdAt: now });
      await recordAudit(tx, { actor, action: decision === 'approved' ? 'practice.approve' : 'practice.reject', entity: 'practice', entityId: id });
    });
    return deps.practices.getPractice(actor, id);
  }

  return {
    approve: (actor: Actor, id: string, note: string) => decide(actor, id, 'approved', note),
    reject: (actor: Actor, id: string, note: string) => decide(actor, id, 'rejected', note),

    /**
     * Merges a duplicate into another practice of the same programme: the duplicate's adoption plans and
     * showings move over, it becomes `merged` (kept, with its history, for links that point at it).
     */
    async merge(actor: Actor, id: string, intoId: string, note: string): Promise<Practice> {
      const duplicate = await curated(actor, id);
      if (intoId === id) throw new AppError('validation', { fields: [{ path: 'body.intoId', key: 'practices.merge_self' }] });
      const target = await repo.findPractice(intoId);
      if (!target || target.practice.programmeId !== duplicate.programmeId || target.practice.status === 'merged') {
        throw new AppError('validation', { fields: [{ path: 'body.intoId', key: 'practices.merge_target' }] });
      }
      if (duplicate.status === 'merged') throw new AppError('conflict', { fields: [{ path: 'status', key: 'practices.not_proposed' }] });
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const txRepo = createPracticesRepo(tx as Executor);
        await txRepo.moveToPractice(id, intoId);
        await txRepo.updatePractice(id, { status: 'merged', mergedIntoId: intoId, updatedAt: now });
        await txRepo.updatePractice(intoId, { updatedAt: now });
        await txRepo.insertRevision({ practiceId: id, editorUserId: actor.userId, action: 'merge', changes: { status: [duplicate.status, 'merged'], mergedIntoId: [null, intoId] }, note, createdAt: now });
        await txRepo.insertRevision({ practiceId: intoId, editorUserId: actor.userId, action: 'merged_from', changes: { mergedFrom: [null, id] }, note, createdAt: now });
        await recordAudit(tx, { actor, action: 'practice.merge', entity: 'practice', entityId: id, details: { intoId } });
      });
      return deps.practices.getPractice(actor, intoId);
    },

    /** Every change to the practice, newest first (staff of its programme). */
    async history(actor: Actor, id: string) {
      await curated(actor, id);
      const rows = await repo.listRevisions(id);
      return {
        items: rows.map(({ revision, editorName }) => ({
          id: revision.id,
          action: revision.action,
          editorName,
          changes: Object.entries(revision.changes).map(([field, [before, after]]) => ({ field, before: asText(before), after: asText(after) })),
          note: revision.note,
          createdAt: revision.createdAt.toISOString(),
        })),
      };
    },
  };
}

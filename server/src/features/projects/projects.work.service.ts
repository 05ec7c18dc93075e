import crypto from 'node:crypto';
import type { AddGuestBody, AddMilestoneBody, DefenceResultValue, ImplementationBody, ScoresBody } from '@ms/contracts/projects';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError, forbidden, notFound, type FieldProblem } from '../../lib/errors.ts';
import { createTeamsRepo } from '../teams/teams.repo.ts';
import { detectDocumentKind, kindOfFileName, MEDIA_TYPES } from './file-type.ts';
import { loadProjectFor } from './projects.access.ts';
import { canScoreProject, canUpdateImplementation } from './projects.policy.ts';
import { createProjectsRepo } from './projects.repo.ts';

/** Project documents are at most this large (bytea in PostgreSQL; the route's body limit matches). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const invalid = (fields: FieldProblem[]) => new AppError('validation', { fields });

/** The work around a project: guests, milestones, documents, the defence panel and scores, implementation. */
export function createProjectWorkService(deps: { db: Database }) {
  const db = deps.db;
  const repo = createProjectsRepo(db);

  async function write(actor: Actor, projectId: string, action: string, details: Record<string, unknown>, run: (r: ReturnType<typeof createProjectsRepo>) => Promise<void>) {
    await db.transaction(async (tx) => {
      await run(createProjectsRepo(tx));
      await recordAudit(tx, { actor, action, entity: 'project', entityId: projectId, details });
    });
  }

  return {
    /** A member of a participant's municipal team joins the project (not a participant, no account). */
    async addGuest(actor: Actor, id: string, body: AddGuestBody): Promise<{ ok: true }> {
      const { facts } = await loadProjectFor(db, actor, id, 'edit');
      const host = body.hostPersonId ?? (actor.personId && facts.memberIds.includes(actor.personId) ? actor.personId : null);
      if (host && !facts.memberIds.includes(host)) throw invalid([{ path: 'body.hostPersonId', key: 'projects.host_not_member' }]);
      await write(actor, id, 'project.guest_add', {}, (r) => r.insertGuest({ projectId: id, fullName: body.fullName, position: body.position, email: body.email?.toLowerCase() ?? null, hostPersonId: host }).then(() => undefined));
      return { ok: true };
    },
    async removeGuest(actor: Actor, id: string, guestId: string): Promise<{ ok: true }> {
      await loadProjectFor(db, actor, id, 'edit');
      let isFound = false;
      await write(actor, id, 'project.guest_remove', { guestId }, async (r) => {
        isFound = await r.deleteGuest(id, guestId);
      });
      if (!isFound) throw notFound();
      return { ok: true };
    },

    async addMilestone(actor: Actor, id: string, body: AddMilestoneBody): Promise<{ ok: true }> {
      await loadProjectFor(db, actor, id, 'edit');
      await write(actor, id, 'project.milestone_add', { dueOn: body.dueOn }, (r) => r.insertMilestone({ projectId: id, title: body.title, dueOn: body.dueOn }).then(() => undefined));
      return { ok: true };
    },
    async setMilestoneDone(actor: Actor, id: string, milestoneId: string, isDone: boolean, now: Date): Promise<{ ok: true }> {
      await loadProjectFor(db, actor, id, 'edit');
      let isFound = false;
      await write(actor, id, 'project.milestone_update', { milestoneId, isDone }, async (r) => {
        isFound = await r.setMilestoneDone(id, milestoneId, isDone ? now : null);
      });
      if (!isFound) throw notFound();
      return { ok: true };
    },

    /** Stores a document whose content is a PDF, DOCX, XLSX, PNG or JPEG matching its extension. */
    async uploadDocument(actor: Actor, id: string, read: () => Promise<{ fileName: string; bytes: Buffer }>) {
      await loadProjectFor(db, actor, id, 'edit');
      // Authorized first: nobody else's upload is even read.
      const file = await read();
      if (file.bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('payload_too_large', { fields: [{ path: 'file', key: 'projects.file_too_large', params: { max: 10 } }] });
      const claimed = kindOfFileName(file.fileName);
      const actual = detectDocumentKind(file.bytes);
      if (!claimed || !actual) throw new AppError('unsupported_media_type', { fields: [{ path: 'file', key: 'projects.file_unsupported' }] });
      if (claimed !== actual) throw new AppError('unsupported_media_type', { fields: [{ path: 'file', key: 'projects.file_mismatch' }] });
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      const fileName = file.fileName.replace(/[\u0000-\u001f"\\/]/g, '_').slice(-200);
      let created!: Awaited<ReturnType<typeof repo.insertDocument>>;
      await write(actor, id, 'project.document_upload', { kind: actual, sizeBytes: file.bytes.length }, async (r) => {
        created = await r.insertDocument({
          projectId: id,
          fileName,
          kind: actual,
          mediaType: MEDIA_TYPES[actual],
          sizeBytes: file.bytes.length,
          sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
          content: file.bytes,
          uploadedByUserId: actor.userId,
        });
      });
      return { ...created, createdAt: created.createdAt.toISOString() };
    },
    async downloadDocument(actor: Actor, id: string, documentId: string) {
      await loadProjectFor(db, actor, id, 'read');
      const doc = await repo.findDocument(id, documentId);
      if (!doc) throw notFound();
      await recordAudit(db, { actor, action: 'project.document_download', entity: 'project', entityId: id, details: { documentId } });
      return { fileName: doc.fileName, mediaType: doc.mediaType, content: doc.content };
    },

    async setPanel(actor: Actor, id: string, userIds: string[]): Promise<{ ok: true }> {
      const { access } = await loadProjectFor(db, actor, id, 'manage');
      const options = new Set((await createTeamsRepo(db).listTutorOptions(access.path)).map((o) => o.userId));
      const unique = [...new Set(userIds)];
      const problems = unique.flatMap((u, i) => (options.has(u) ? [] : [{ path: `body.userIds.${i}`, key: 'projects.not_panel' as const }]));
      if (problems.length > 0) throw invalid(problems);
      await write(actor, id, 'project.panel', { panel: unique.length }, (r) => r.setPanel(id, unique));
      return { ok: true };
    },
    /** A panel member's own 1–10 scores per criterion (re-scoring replaces them). */
    async scoreDefence(actor: Actor, id: string, body: ScoresBody): Promise<{ ok: true }> {
      const { facts } = await loadProjectFor(db, actor, id, 'read');
      if (!canScoreProject(actor, facts)) throw forbidden();
      const byCriterion = new Map(body.scores.map((s) => [s.criterion, s]));
      await write(actor, id, 'project.score', { criteria: [...byCriterion.keys()] }, (r) => r.upsertScores(id, actor.userId!, [...byCriterion.values()]));
      return { ok: true };
    },
    async setResult(actor: Actor, id: string, result: DefenceResultValue, now: Date): Promise<{ ok: true }> {
      await loadProjectFor(db, actor, id, 'manage');
      await write(actor, id, 'project.result', { result }, (r) => r.updateProject(id, { defenceResult: result, defenceDecidedAt: result === 'pending' ? null : now }));
      return { ok: true };
    },
    /** Appends an implementation status; the history stays. */
    async updateImplementation(actor: Actor, id: string, body: ImplementationBody): Promise<{ ok: true }> {
      const { access, facts } = await loadProjectFor(db, actor, id, 'read');
      if (!canUpdateImplementation(access, facts)) throw forbidden();
      await write(actor, id, 'project.implementation', { status: body.status }, (r) => r.insertImplementation({ projectId: id, status: body.status, note: body.note, updatedByUserId: actor.userId }));
      return { ok: true };
    },
  };
}

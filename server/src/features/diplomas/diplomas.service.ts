import type { BulkIssueBody, SetOverrideBody, StreamDiplomas } from '@ms/contracts/diplomas';
import { CURRICULUM_TOPICS } from '@ms/contracts/schedule';
import type { PassThrough, Readable } from 'node:stream';
import yazl from 'yazl';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { JobQueue } from '../../lib/jobs.ts';
import { createCeremonyRepo } from './diplomas.ceremony.repo.ts';
import { verifyUrl } from './diplomas.credential.ts';
import { ISSUE_JOB } from './diplomas.jobs.ts';
import { ELIGIBILITY_RULES_SOURCE, evaluateEligibility } from './diplomas.eligibility.ts';
import { createDiplomaPdfRenderer, renderDiplomaPdf, type DiplomaPdfFacts } from './diplomas.pdf.ts';
import { canManageDiplomas, canReadDiploma } from './diplomas.policy.ts';
import { toSummary } from './diplomas.present.ts';
import { createDiplomasRepo, type DiplomaView, type StreamContext } from './diplomas.repo.ts';
import type { StatusLists } from './diplomas.status-list.ts';

/** Staff and holder operations on diplomas. Every one authorizes first; foreign ids answer 404. */
export function createDiplomasService(deps: { db: Database; clock: Clock; auditBuffer: AuditBuffer; jobs: JobQueue; statusLists: StatusLists; publicUrl: string }) {
  const repo = createDiplomasRepo(deps.db);
  const pathOf = (s: { organisationId: string; programmeId: string; streamId: string }) => ({ organisationId: s.organisationId, programmeId: s.programmeId, streamId: s.streamId });

  async function managedStream(actor: Actor, streamId: string): Promise<StreamContext> {
    const stream = await repo.streamContext(streamId);
    if (!stream || !canManageDiplomas(actor, pathOf(stream))) throw notFound();
    return stream;
  }

  async function readable(actor: Actor, id: string): Promise<DiplomaView> {
    const diploma = await repo.diplomaView(id);
    if (!diploma || !canReadDiploma(actor, diploma, pathOf(diploma))) throw notFound();
    return diploma;
  }

  async function managed(actor: Actor, id: string): Promise<DiplomaView> {
    const diploma = await repo.diplomaView(id);
    if (!diploma || !canManageDiplomas(actor, pathOf(diploma))) throw notFound();
    return diploma;
  }

  function pdfFacts(diploma: DiplomaView, stream: StreamContext): DiplomaPdfFacts {
    return {
      credential: diploma.credential,
      verifyUrl: verifyUrl(deps.publicUrl, diploma.id),
      programmeNameRu: stream.programmeNameRu,
      programmeNameEn: stream.programmeNameEn,
      organisationNameRu: stream.organisationNameRu,
      organisationNameEn: stream.organisationNameEn,
      termRu: `${stream.intakeNameRu}, ${stream.streamNameRu}`,
      termEn: `${stream.intakeNameEn}, ${stream.streamNameEn}`,
      startsOn: stream.startsOn,
      endsOn: stream.endsOn,
      totalHours: stream.totalHours,
      topicsRu: stream.topics.map((c) => CURRICULUM_TOPICS[c as keyof typeof CURRICULUM_TOPICS]?.ru ?? c),
      topicsEn: stream.topics.map((c) => CURRICULUM_TOPICS[c as keyof typeof CURRICULUM_TOPICS]?.en ?? c),
    };
  }

  async function pdfOf(diploma: DiplomaView): Promise<Uint8Array> {
    return renderDiplomaPdf(pdfFacts(diploma, (await repo.streamContext(diploma.streamId))!));
  }

  async function changeStatus(actor: Actor, id: string, reason: string, action: 'revoked' | 'reinstated') {
    const diploma = await managed(actor, id);
    if (action === 'revoked' && diploma.revokedAt) throw new AppError('conflict', { fields: [{ path: 'id', key: 'diploma.already_revoked' }] });
    if (action === 'reinstated' && !diploma.revokedAt) throw new AppError('conflict', { fields: [{ path: 'id', key: 'diploma.not_revoked' }] });
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      const r = createDiplomasRepo(tx);
      await r.setRevocation(id, action === 'revoked' ? { revokedAt: now, revocationReason: reason } : { revokedAt: null, revocationReason: null });
      await r.insertStatusEvent({ diplomaId: id, action, reason, at: now, actorUserId: actor.userId });
      // The signed list changes in the same transaction: the public status never disagrees with the registry.
      await deps.statusLists.resign(tx, diploma.statusListId);
      await recordAudit(tx, { actor, action: `diploma.${action === 'revoked' ? 'revoke' : 'reinstate'}`, entity: 'diploma', entityId: id, details: { reason, registryNumber: diploma.registryNumber } });
    });
    return toSummary((await repo.diplomaView(id))!, deps.publicUrl, now);
  }

  return {
    /** The stream's diplomas tab: eligibility of every participant, overrides, issued diplomas. */
    async streamOverview(actor: Actor, streamId: string): Promise<StreamDiplomas> {
      const stream = await managedStream(actor, streamId);
      const now = deps.clock.now();
      const ceremonyRepo = createCeremonyRepo(deps.db);
      const [rows, issued, lastRunId, ceremony, scheduledIssue] = await Promise.all([
        evaluateEligibility(deps.db, { streamId, thresholdPct: stream.thresholdPct, at: now }),
        repo.diplomasOfStream(streamId),
        repo.latestIssueRun(streamId),
        ceremonyRepo.finalCeremonyOfStream(streamId),
        ceremonyRepo.scheduledIssueRun(streamId),
      ]);
      const byPerson = new Map(issued.map((d) => [d.personId, d]));
      deps.auditBuffer.record({ actor, action: 'diploma.list', entity: 'stream', entityId: streamId });
      return {
        streamId,
        thresholdPct: stream.thresholdPct,
        rulesSource: ELIGIBILITY_RULES_SOURCE,
        ceremonyAt: stream.ceremonyAt?.toISOString() ?? null,
        counts: { participants: rows.length, eligible: rows.filter((r) => r.isEligible).length, issued: issued.length, revoked: issued.filter((d) => d.revokedAt).length },
        rows: rows.map((r) => {
          const diploma = byPerson.get(r.personId);
          return {
            personId: r.personId,
            fullName: r.fullName,
            regionCode: r.regionCode,
            attendancePct: r.attendancePct,
            isEligibleByRules: r.isEligibleByRules,
            override: r.override ? { ...r.override, decidedAt: r.override.decidedAt.toISOString() } : null,
            isEligible: r.isEligible,
            diploma: diploma ? toSummary(diploma, deps.publicUrl, now) : null,
          };
        }),
        lastRunId,
        ceremonySessionId: ceremony?.sessionId ?? null,
        scheduledIssue,
      };
    },

    /** Manual eligibility decision with its reason (null clears it); audited. */
    async setOverride(actor: Actor, streamId: string, personId: string, body: SetOverrideBody) {
      await managedStream(actor, streamId);
      if (!(await repo.isEnrolled(streamId, personId))) throw notFound();
      await deps.db.transaction(async (tx) => {
        const r = createDiplomasRepo(tx);
        if (body.isEligible === null) await r.deleteOverride(streamId, personId);
        else await r.upsertOverride({ streamId, personId, isEligible: body.isEligible, reason: body.reason, decidedBy: actor.userId, decidedAt: deps.clock.now() });
        await recordAudit(tx, { actor, action: 'diploma.eligibility_override', entity: 'person', entityId: personId, details: { streamId, isEligible: body.isEligible, reason: body.reason } });
      });
      return { ok: true as const };
    },

    /** Starts (or restarts: it is idempotent) bulk issuance for the stream; the UI follows the job. */
    async startBulkIssue(actor: Actor, streamId: string, body: BulkIssueBody) {
      await managedStream(actor, streamId);
      const jobId = await deps.jobs.enqueue(ISSUE_JOB, { streamId, validFrom: body.validFrom ?? null, actorUserId: actor.userId, actorEmail: actor.email }, actor);
      await recordAudit(deps.db, { actor, action: 'diploma.issue_started', entity: 'stream', entityId: streamId, details: { jobId } });
      return { jobId };
    },

    revoke: (actor: Actor, id: string, reason: string) => changeStatus(actor, id, reason, 'revoked'),
    reinstate: (actor: Actor, id: string, reason: string) => changeStatus(actor, id, reason, 'reinstated'),

    async myDiplomas(actor: Actor) {
      if (!actor.personId) return { items: [] };
      const now = deps.clock.now();
      return { items: (await repo.diplomasOfPerson(actor.personId)).map((d) => toSummary(d, deps.publicUrl, now)) };
    },

    async getDiploma(actor: Actor, id: string) {
      const diploma = await readable(actor, id);
      deps.auditBuffer.record({ actor, action: 'diploma.read', entity: 'diploma', entityId: id });
      return toSummary(diploma, deps.publicUrl, deps.clock.now());
    },

    /** The signed credential JSON (what a wallet imports). */
    async credentialJson(actor: Actor, id: string) {
      const diploma = await readable(actor, id);
      deps.auditBuffer.record({ actor, action: 'diploma.download_json', entity: 'diploma', entityId: id });
      return { credential: diploma.credential, registryNumber: diploma.registryNumber };
    },

    async pdf(actor: Actor, id: string) {
      const diploma = await readable(actor, id);
      deps.auditBuffer.record({ actor, action: 'diploma.download_pdf', entity: 'diploma', entityId: id });
      return { bytes: await pdfOf(diploma), registryNumber: diploma.registryNumber };
    },

    /** A ZIP of the stream's diploma PDFs, streamed: each PDF is rendered as the archive is written. */
    async streamZip(actor: Actor, streamId: string) {
      const stream = await managedStream(actor, streamId);
      const diplomas = await repo.diplomasOfStream(streamId);
      await recordAudit(deps.db, { actor, action: 'diploma.download_zip', entity: 'stream', entityId: streamId, details: { count: diplomas.length } });
      const zip = new yazl.ZipFile();
      // PDFs are already compressed: stored as they are. A failure mid-way aborts the download rather than
      // sending a truncated archive that looks complete.
      void (async () => {
        // The stream is read once (not per diploma) and its fonts subset once for all its diplomas.
        const facts = diplomas.map((d) => pdfFacts(d, stream));
        const render = await createDiplomaPdfRenderer(facts);
        const output = zip.outputStream as unknown as PassThrough;
        for (const [i, d] of diplomas.entries()) {
          // yazl writes without backpressure: without this wait a slow client would leave most of a
          // large stream's ZIP in memory. A dropped download stops the rendering.
          if (output.writableLength > ZIP_BUFFER_BYTES) await drainedOrClosed(output);
          if (output.destroyed) return;
          zip.addBuffer(Buffer.from(await render(facts[i]!)), `${d.registryNumber}.pdf`, { compress: false });
        }
        zip.end();
      })().catch((error: unknown) => (zip.outputStream as unknown as Readable).destroy(error instanceof Error ? error : new Error(String(error))));
      return { stream: zip.outputStream, fileName: `diplomas-stream-${stream.streamNumber}.zip` };
    },
  };
}

export type DiplomasService = ReturnType<typeof createDiplomasService>;

/** How much of a stream's ZIP may wait unread before rendering pauses (about 80 diplomas). */
const ZIP_BUFFER_BYTES = 4 * 1024 * 1024;

/** Resolves when the stream has drained its buffer, or has been closed (the client went away). */
function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

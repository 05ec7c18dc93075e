import type { Readable } from 'node:stream';
import yazl from 'yazl';
import type { StaffApplicationFile } from '@ms/contracts/admission-applications';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { fullNameOf } from './applications.present.ts';
import { createApplicationsRepo } from './applications.repo.ts';
import { createExpertsRepo } from './experts.repo.ts';
import { requireApplicationReader, type ApplicationFileView } from './staff-application.policy.ts';
import { toApplicationFile } from './staff-application.present.ts';
import { createStaffApplicationRepo } from './staff-application.repo.ts';
import { zipEntryNames } from './staff-application.download.ts';

type Meta = { ip: string | null };

/** A stored document ready to send: bytes, detected type and name. */
export interface DocumentFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/**
 * One application as its campaign's staff (or a coordinator of the applicant's region) read it, and its
 * documents. Every read is personal data: each one is audited before anything is returned, in its own
 * committed write (not the batched read buffer), so a file read is never lost from the log.
 */
export function createStaffApplicationService(deps: { db: Database }) {
  const { db } = deps;
  const repo = createStaffApplicationRepo(db);

  /** The application if the actor may read it, and how much of it; 404 for unknown, foreign or forbidden ids. */
  async function readable(actor: Actor, campaignId: string, applicationId: string) {
    const row = await repo.findApplication(campaignId, applicationId);
    if (!row) throw new AppError('not_found');
    const view = requireApplicationReader(actor, row, row.application);
    return { row, view };
  }

  const auditDetails = (campaignId: string, view: ApplicationFileView) => ({ campaignId, view });

  return {
    async getApplication(actor: Actor, campaignId: string, applicationId: string, meta: Meta): Promise<StaffApplicationFile> {
      const { row, view } = await readable(actor, campaignId, applicationId);
      const [attempt, stage, reviews, interview, interviewScores, documents] = await Promise.all([
        repo.findAttempt(applicationId),
        createExpertsRepo(db).findStage(campaignId),
        repo.listReviews(applicationId),
        repo.findInterview(applicationId),
        repo.listInterviewScores(applicationId),
        createApplicationsRepo(db).listDocuments([applicationId]),
      ]);
      await recordAudit(db, { actor, action: 'admission.application_read', entity: 'admission_application', entityId: applicationId, ip: meta.ip, details: auditDetails(campaignId, view) });
      return toApplicationFile({ row, attempt, rubric: stage?.rubric ?? [], reviews, interview, interviewScores, documents }, view);
    },

    async getDocument(actor: Actor, campaignId: string, applicationId: string, documentId: string, meta: Meta): Promise<DocumentFile> {
      const { view } = await readable(actor, campaignId, applicationId);
      const document = await repo.findDocument(applicationId, documentId);
      if (!document) throw new AppError('not_found');
      await recordAudit(db, {
        actor,
        action: 'admission.document_download',
        entity: 'admission_document',
        entityId: documentId,
        ip: meta.ip,
        details: { ...auditDetails(campaignId, view), applicationId, sha256: document.sha256 },
      });
      return { fileName: document.fileName, mediaType: document.mediaType, content: document.content };
    },

    /** Every document of the application in one ZIP (stored, not compressed: PDFs and images already are). */
    async zipDocuments(actor: Actor, campaignId: string, applicationId: string, meta: Meta): Promise<{ fileName: string; stream: Readable }> {
      const { row, view } = await readable(actor, campaignId, applicationId);
      const documents = await repo.listDocumentsWithContent(applicationId);
      if (documents.length === 0) throw new AppError('not_found');
      await recordAudit(db, {
        actor,
        action: 'admission.documents_zip',
        entity: 'admission_application',
        entityId: applicationId,
        ip: meta.ip,
        details: { ...auditDetails(campaignId, view), documents: documents.map((d) => d.id) },
      });
      const zip = new yazl.ZipFile();
      const names = zipEntryNames(documents.map((d) => d.fileName));
      documents.forEach((d, i) => zip.addBuffer(d.content, names[i]!, { compress: false, mtime: d.createdAt }));
      zip.end();
      return { fileName: `${fullNameOf(row.person)}.zip`, stream: zip.outputStream as unknown as Readable };
    },
  };
}

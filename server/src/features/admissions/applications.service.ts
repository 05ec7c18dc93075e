import crypto from 'node:crypto';
import { DOCUMENT_LIMITS, type FormField, type OwnApplication, type SaveApplicationBody } from '@ms/contracts/admissions';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { translate } from '../../lib/i18n.ts';
import type { Mailer } from '../../lib/mailer.ts';
import type { Locale } from '../../lib/messages.ts';
import { toApplicationView, type OwnRow } from './applications.present.ts';
import { createApplicationsRepo } from './applications.repo.ts';
import { createCampaignsRepo } from './campaigns.repo.ts';
import { cleanFileName, MAX_DOCUMENT_MB, sniffDocumentType } from './documents.ts';
import { evaluateEligibility } from './eligibility.ts';
import { formOf, isCampaignOpen, rulesOf } from './admissions.present.ts';

type Meta = { ip: string | null; locale: Locale };

/** Which answer columns a required form field means. */
const REQUIRED_COLUMNS: Record<Exclude<FormField, 'documents'>, Array<keyof OwnRow['application']>> = {
  education: ['education'],
  managementYears: ['managementYears'],
  service: ['serviceKind'],
  position: ['position'],
  municipality: ['municipalityId'],
  motivation: ['motivation'],
};

/** The applicant's side: their drafts, documents, the single submit, and following the status. */
export function createApplicationsService(deps: { db: Database; clock: Clock; mailer: Mailer; publicUrl: string }) {
  const { db, clock } = deps;
  const repo = createApplicationsRepo(db);

  async function view(row: OwnRow): Promise<OwnApplication> {
    const [documents, consent] = await Promise.all([repo.listDocuments([row.application.id]), repo.consentState(row.person.id)]);
    return toApplicationView(row, documents, consent);
  }

  /** The actor's own application, for reading or (locked, draft only, campaign open) for changing. */
  async function ownRow(actor: Actor, id: string, executor = repo, options: { isLocking?: boolean } = {}): Promise<OwnRow> {
    const row = await executor.findOwn(id, actor, options);
    if (!row) throw new AppError('not_found');
    return row;
  }

  async function requireEditable(row: OwnRow): Promise<void> {
    if (row.application.status !== 'draft') throw new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.already_submitted' }] });
    const campaign = await createCampaignsRepo(db).findCampaign(row.campaign.id);
    if (!campaign || !isCampaignOpen(campaign, clock.now())) throw new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.closed' }] });
  }

  return {
    async listOwn(actor: Actor): Promise<OwnApplication[]> {
      const rows = await repo.listOwn(actor);
      return Promise.all(rows.map(view));
    },

    async getOwn(actor: Actor, id: string): Promise<OwnApplication> {
      return view(await ownRow(actor, id));
    },

    /** Saves a draft; fields left out are kept, null clears one. */
    async saveDraft(actor: Actor, id: string, body: SaveApplicationBody, meta: Meta): Promise<OwnApplication> {
      const row = await ownRow(actor, id);
      await requireEditable(row);
      const campaign = (await createCampaignsRepo(db).findCampaign(row.campaign.id))!;
      const problems: FieldProblem[] = [];
      const regionCode = body.regionCode === undefined ? row.application.regionCode : body.regionCode;
      if (body.regionCode && (await createCampaignsRepo(db).unknownRegions([body.regionCode])).length > 0) {
        problems.push({ path: 'body.regionCode', key: 'field.unknown_region' });
      }
      if (body.municipalityId) {
        const region = await repo.municipalityRegion(body.municipalityId);
        if (!region) problems.push({ path: 'body.municipalityId', key: 'field.unknown_municipality' });
        else if (region !== regionCode) problems.push({ path: 'body.municipalityId', key: 'field.municipality_region' });
      }
      const maxLength = formOf(campaign).motivationMaxLength;
      if (body.motivation && body.motivation.length > maxLength) problems.push({ path: 'body.motivation', key: 'field.too_long', params: { max: maxLength } });
      if (body.birthDate && (body.birthDate < '1900-01-01' || body.birthDate > clock.now().toISOString().slice(0, 10))) {
        problems.push({ path: 'body.birthDate', key: 'field.birth_date_range' });
      }
      if (problems.length > 0) throw new AppError('validation', { fields: problems });
      // A new region without a municipality drops the old one, which belongs to the old region.
      const isRegionChanged = body.regionCode !== undefined && body.regionCode !== row.application.regionCode;
      const values = isRegionChanged && body.municipalityId === undefined ? { ...body, municipalityId: null } : body;
      await db.transaction(async (tx) => {
        await createApplicationsRepo(tx).updateApplication(id, { ...values, updatedAt: clock.now() });
        await recordAudit(tx, { actor, action: 'admission.save_draft', entity: 'admission_application', entityId: id, ip: meta.ip, details: { fields: Object.keys(body) } });
      });
      return view(await ownRow(actor, id));
    },

    /**
     * Submits once: the row is locked, so a double click or two tabs produce one submission and one
     * refusal. Required fields and the separate consent are checked; eligibility is evaluated and kept.
     */
    async submit(actor: Actor, id: string, meta: Meta): Promise<OwnApplication> {
      const submitted = await db.transaction(async (tx) => {
        const txRepo = createApplicationsRepo(tx);
        const row = await ownRow(actor, id, txRepo, { isLocking: true });
        await requireEditable(row);
        const campaign = (await createCampaignsRepo(tx).findCampaign(row.campaign.id))!;
        const form = formOf(campaign);
        const a = row.application;
        const problems: FieldProblem[] = [];
        if (!a.birthDate) problems.push({ path: 'body.birthDate', key: 'field.required' });
        if (!a.regionCode) problems.push({ path: 'body.regionCode', key: 'field.required' });
        for (const field of form.required) {
          if (field === 'documents') {
            if ((await txRepo.countDocuments(id)) === 0) problems.push({ path: 'body.documents', key: 'field.required' });
            continue;
          }
          for (const column of REQUIRED_COLUMNS[field]) if (a[column] === null || a[column] === '') problems.push({ path: `body.${column}`, key: 'field.required' });
        }
        const consent = await txRepo.consentState(row.person.id);
        if (!consent.hasConsent) problems.push({ path: 'body.consent', key: 'admissions.consent_required' });
        if (problems.length > 0) throw new AppError('validation', { fields: problems });

        const now = clock.now();
        const eligibility = evaluateEligibility(
          { birthDate: a.birthDate, education: a.education as never, managementYears: a.managementYears, serviceKind: a.serviceKind as never, serviceYears: a.serviceYears },
          rulesOf(campaign),
          now.toISOString().slice(0, 10),
        );
        await txRepo.updateApplication(id, { status: 'submitted', submittedAt: now, updatedAt: now, isEligible: eligibility.isEligible, eligibilityReasons: eligibility.reasons });
        // The application's profile becomes the person's base profile.
        await txRepo.updatePerson(row.person.id, { birthDate: a.birthDate, regionCode: a.regionCode, municipalityId: a.municipalityId, position: a.position, updatedAt: now });
        await recordAudit(tx, {
          actor,
          action: 'admission.submit',
          entity: 'admission_application',
          entityId: id,
          ip: meta.ip,
          details: { isEligible: eligibility.isEligible, reasons: eligibility.reasons.map((r) => r.key) },
        });
        return { row, campaign, now };
      });
      const title = meta.locale === 'en' ? submitted.campaign.campaign.titleEn : submitted.campaign.campaign.titleRu;
      if (submitted.row.person.email) {
        await deps.mailer.send({
          to: submitted.row.person.email,
          kind: 'admission_submitted',
          subject: translate(meta.locale, 'mail.admissions.submitted.subject', { campaign: title }),
          text: translate(meta.locale, 'mail.admissions.submitted.body', {
            name: submitted.row.person.firstName,
            campaign: title,
            date: submitted.now.toISOString().slice(0, 10),
            link: `${deps.publicUrl}/my-applications/${id}`,
          }),
          meta: { applicationId: id },
        });
      }
      return view(await ownRow(actor, id));
    },

    /** Attaches a document; its type is read from the bytes, its size is bounded, drafts only. */
    async addDocument(actor: Actor, id: string, kind: string, file: { fileName: string; bytes: Buffer; isTruncated: boolean }, meta: Meta): Promise<OwnApplication> {
      const row = await ownRow(actor, id);
      await requireEditable(row);
      if (file.isTruncated || file.bytes.length > DOCUMENT_LIMITS.maxBytes) {
        throw new AppError('payload_too_large', { fields: [{ path: 'file', key: 'admissions.file_too_large', params: { max: MAX_DOCUMENT_MB } }] });
      }
      if (file.bytes.length === 0) throw new AppError('validation', { fields: [{ path: 'file', key: 'admissions.file_empty' }] });
      const mediaType = sniffDocumentType(file.bytes);
      if (!mediaType) throw new AppError('unsupported_media_type', { fields: [{ path: 'file', key: 'admissions.file_type' }] });
      await db.transaction(async (tx) => {
        const txRepo = createApplicationsRepo(tx);
        await ownRow(actor, id, txRepo, { isLocking: true });
        if ((await txRepo.countDocuments(id)) >= DOCUMENT_LIMITS.maxCount) {
          throw new AppError('validation', { fields: [{ path: 'file', key: 'admissions.too_many_files', params: { max: DOCUMENT_LIMITS.maxCount } }] });
        }
        const document = await txRepo.insertDocument({
          applicationId: id,
          kind,
          fileName: cleanFileName(file.fileName),
          mediaType,
          sizeBytes: file.bytes.length,
          sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
          content: file.bytes,
        });
        await recordAudit(tx, { actor, action: 'admission.add_document', entity: 'admission_application', entityId: id, ip: meta.ip, details: { documentId: document.id, mediaType } });
      });
      return view(await ownRow(actor, id));
    },

    async removeDocument(actor: Actor, id: string, documentId: string, meta: Meta): Promise<OwnApplication> {
      const row = await ownRow(actor, id);
      await requireEditable(row);
      await db.transaction(async (tx) => {
        if (!(await createApplicationsRepo(tx).deleteDocument(id, documentId))) throw new AppError('not_found');
        await recordAudit(tx, { actor, action: 'admission.remove_document', entity: 'admission_application', entityId: id, ip: meta.ip, details: { documentId } });
      });
      return view(await ownRow(actor, id));
    },
  };
}

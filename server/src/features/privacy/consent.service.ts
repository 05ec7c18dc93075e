import type { Consent, ConsentDocument, PublishConsentDocumentBody } from '@ms/contracts/privacy';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { createConsentRepo, type ConsentRow } from './privacy.repo.ts';
import { requireConsentPublisher, requireOwnPerson } from './privacy.policy.ts';

/** Shapes a stored consent for the API and the export. */
export function toConsent(row: ConsentRow): Consent {
  return {
    id: row.id,
    documentVersion: row.documentVersion,
    grantedAt: row.grantedAt.toISOString(),
    grantedIp: row.grantedIp,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  };
}

/**
 * Consent to personal-data processing (152-FZ art. 9): a separate, versioned record per person,
 * given and withdrawn by the person; the document texts are immutable once published.
 */
export function createConsentService(deps: { db: Database; clock: Clock }) {
  const { db } = deps;
  const repo = createConsentRepo(db);

  return {
    /** The version people are asked to agree to now (public: the application form shows it). */
    async getCurrentDocument(): Promise<ConsentDocument> {
      const row = await repo.findCurrentDocument();
      if (!row) throw new AppError('not_found');
      return { version: row.version, textRu: row.textRu, textEn: row.textEn, publishedAt: row.publishedAt.toISOString() };
    },

    async publishDocument(actor: Actor, body: PublishConsentDocumentBody, meta: { ip: string | null }): Promise<ConsentDocument> {
      requireConsentPublisher(actor);
      return db.transaction(async (tx) => {
        const row = await createConsentRepo(tx).insertDocument({ ...body, publishedAt: deps.clock.now() });
        if (!row) throw new AppError('conflict', { fields: [{ path: 'body.version', key: 'field.version_taken' }] });
        await recordAudit(tx, { actor, action: 'consent_document.publish', entity: 'consent_document', entityId: row.version, ip: meta.ip });
        return { version: row.version, textRu: row.textRu, textEn: row.textEn, publishedAt: row.publishedAt.toISOString() };
      });
    },

    async listOwnConsents(actor: Actor): Promise<Consent[]> {
      const personId = requireOwnPerson(actor);
      return (await repo.listConsents(personId)).map(toConsent);
    },

    /** Records the person's consent to a version; consenting twice to the same version returns the first record. */
    async grantConsent(actor: Actor, version: string, meta: { ip: string | null }): Promise<{ consent: Consent; isNew: boolean }> {
      const personId = requireOwnPerson(actor);
      return db.transaction(async (tx) => {
        const txRepo = createConsentRepo(tx);
        if (!(await txRepo.findDocument(version))) {
          throw new AppError('validation', { fields: [{ path: 'body.version', key: 'field.unknown_version' }] });
        }
        const existing = await txRepo.findActiveConsent(personId, version);
        if (existing) return { consent: toConsent(existing), isNew: false };
        const row = await txRepo.insertConsent({ personId, documentVersion: version, grantedAt: deps.clock.now(), grantedIp: meta.ip });
        await recordAudit(tx, {
          actor,
          action: 'consent.grant',
          entity: 'person',
          entityId: personId,
          ip: meta.ip,
          details: { consentId: row.id, version },
        });
        return { consent: toConsent(row), isNew: true };
      });
    },

    /** Withdraws one of the person's own consents; someone else's id is 404. Withdrawing twice is harmless. */
    async withdrawConsent(actor: Actor, consentId: string, meta: { ip: string | null }): Promise<Consent> {
      // An account without a person has no consents: the id is then someone else's, so 404 like any foreign id.
      if (!actor.personId) throw new AppError('not_found');
      const personId = requireOwnPerson(actor);
      return db.transaction(async (tx) => {
        const txRepo = createConsentRepo(tx);
        const row = await txRepo.findConsent(consentId, personId, { isLocking: true });
        if (!row) throw new AppError('not_found');
        if (row.withdrawnAt) return toConsent(row);
        const updated = await txRepo.withdrawConsent(consentId, deps.clock.now());
        await recordAudit(tx, {
          actor,
          action: 'consent.withdraw',
          entity: 'person',
          entityId: personId,
          ip: meta.ip,
          details: { consentId, version: row.documentVersion },
        });
        return toConsent(updated);
      });
    },
  };
}

import type { ErasureResult, PersonalDataExport } from '@ms/contracts/privacy';
import type { Database } from '../../db/client.ts';
import type { Actor, Role } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { toConsent } from './consent.service.ts';
import { createConsentRepo, createErasureRepo, createExportRepo } from './privacy.repo.ts';
import { assertCanEraseAccounts, canErase, requireEraser } from './privacy.policy.ts';

/** What replaces an erased person's names: one word per language, so lists read "Удалено Erased". */
export const ERASED_LAST_NAME = 'Удалено';
export const ERASED_FIRST_NAME = 'Erased';

/** The newest audit entries put into an export; older ones are available from the operator on request. */
const EXPORT_AUDIT_LIMIT = 10_000;

/** The person's rights of access and erasure under 152-FZ (art. 14 and 21). */
export function createPersonalDataService(deps: { db: Database; clock: Clock }) {
  const { db } = deps;

  return {
    /** Everything held about the signed-in user and their person record, as one JSON document. The export is audited. */
    async exportOwnData(actor: Actor, meta: { ip: string | null }): Promise<PersonalDataExport> {
      if (!actor.userId) throw new AppError('unauthenticated');
      const userId = actor.userId;
      return db.transaction(async (tx) => {
        const repo = createExportRepo(tx);
        const account = await repo.findAccount(userId);
        if (!account) throw new AppError('unauthenticated');
        const personId = account.personId;
        // One connection in a transaction: queries run one after another anyway.
        const personRow = personId ? await repo.findPerson(personId) : undefined;
        const enrolments = personId ? await repo.findEnrolments(personId) : [];
        const consents = personId ? await createConsentRepo(tx).listConsents(personId) : [];
        const grants = await repo.findGrants(userId);
        const auditRows = await repo.findAuditEntries(userId, personId, EXPORT_AUDIT_LIMIT);
        await recordAudit(tx, { actor, action: 'privacy.export', entity: personId ? 'person' : 'user', entityId: personId ?? userId, ip: meta.ip });
        const person = personRow?.person;
        return {
          exportedAt: deps.clock.now().toISOString(),
          account: {
            id: account.id,
            email: account.email,
            displayName: account.displayName,
            locale: account.locale === 'en' ? 'en' : 'ru',
            isTotpEnabled: account.isTotpEnabled,
            createdAt: account.createdAt.toISOString(),
          },
          person: person
            ? {
                id: person.id,
                email: person.email,
                lastName: person.lastName,
                firstName: person.firstName,
                middleName: person.middleName,
                birthDate: person.birthDate,
                gender: person.gender,
                position: person.position,
                phone: person.phone,
                regionCode: person.regionCode,
                municipalityId: person.municipalityId,
                municipalityName: personRow.municipalityName,
                createdAt: person.createdAt.toISOString(),
                updatedAt: person.updatedAt.toISOString(),
              }
            : null,
          enrolments: enrolments.map((e) => ({ ...e, enrolledAt: e.enrolledAt.toISOString() })),
          consents: consents.map(toConsent),
          grants: grants.map((g) => ({ ...g, role: g.role as Role })),
          // Other people's identities (the staff who acted) are not the subject's data: only whether it was them.
          auditEntries: auditRows.map((row) => {
            const isOwnAction = row.actorUserId === userId;
            return { at: row.at.toISOString(), action: row.action, entity: row.entity, entityId: row.entityId, isOwnAction, ip: isOwnAction ? row.ip : null };
          }),
        };
      });
    },

    /**
     * Erases a person's personal data in one transaction: names become placeholders, contact and
     * identifying fields are nulled, the accounts are closed and their sessions ended, consents are
     * withdrawn and mail bodies blanked. Enrolments (and so every aggregate) stay. The act and its
     * reason go to the audit log, which is append-only and keeps no more than ids.
     */
    async erasePerson(actor: Actor, personId: string, reason: string, meta: { ip: string | null }): Promise<ErasureResult> {
      requireEraser(actor);
      return db.transaction(async (tx) => {
        const repo = createErasureRepo(tx);
        const person = await repo.lockPerson(personId);
        if (!person || !canErase(actor, await repo.findPlaces(personId))) throw new AppError('not_found');
        assertCanEraseAccounts(actor, await repo.findAccountRoles(personId));
        if (person.erasedAt) throw new AppError('conflict', { fields: [{ path: 'id', key: 'privacy.already_erased' }] });
        const at = deps.clock.now();
        await repo.anonymisePerson(personId, { lastName: ERASED_LAST_NAME, firstName: ERASED_FIRST_NAME }, at);
        const accounts = await repo.closeAccounts(personId, `${ERASED_LAST_NAME} / ${ERASED_FIRST_NAME}`);
        await repo.withdrawActiveConsents(personId, at);
        const addresses = [...new Set([person.email, ...accounts.map((a) => a.email)].filter((e): e is string => !!e))];
        await repo.scrubOutbox(addresses, accounts.map((a) => a.id));
        const enrolmentsKept = await repo.countEnrolments(personId);
        await recordAudit(tx, {
          actor,
          action: 'person.erase',
          entity: 'person',
          entityId: personId,
          ip: meta.ip,
          details: { reason, enrolmentsKept, userIds: accounts.map((a) => a.id) },
        });
        return { personId, erasedAt: at.toISOString(), enrolmentsKept, usersDeactivated: accounts.length };
      });
    },
  };
}

import crypto from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import { SYSTEM_ACTOR } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { FEDERAL_SUBJECTS } from '../reference/federal-subjects.data.ts';
import { ensureReferenceData } from '../reference/reference.repo.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_CONSENT_DOCUMENT,
  DEMO_EMAIL_DOMAIN,
  DEMO_INTAKES,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_PROGRAMMES,
  streamKey,
  type DemoRole,
} from './catalogue.ts';
import { createDemoRepo, type DemoRows } from './demo.repo.ts';
import { generateDemo, type DemoData } from './generate.ts';
import { seedScheduleDemo } from './schedule-demo.ts';
import { seedAdmissionsDemo } from './admissions-demo.ts';
import { seedAdmissionDocumentsDemo } from './admissions-documents-demo.ts';
import { seedTeamsDemo } from './teams-demo.ts';
import { seedPracticesDemo } from './practices-demo.ts';
import { seedAssignmentsDemo } from './assignments-demo.ts';
import { seedDiplomasDemo } from './diplomas-demo.ts';
import type { IssuerSetup } from '../diplomas/diplomas.core.ts';

export interface DemoAccount {
  email: string;
  password: string;
  role: DemoRole;
}

export interface DemoSeedResult {
  accounts: DemoAccount[];
}

/** Every demo account with the shared password, as main.ts prints it for whoever opens the demo. */
export function listDemoAccounts(): DemoAccount[] {
  return DEMO_ACCOUNTS.map((a) => ({ email: `${a.local}@${DEMO_EMAIL_DOMAIN}`, password: DEMO_PASSWORD, role: a.role }));
}

/**
 * Loads the article's intake (and what surrounds it) into a database that has no organisation yet;
 * does nothing and answers null otherwise. One transaction: a crash leaves the database empty, and the
 * next start tries again.
 */
export async function seedDemoIfEmpty({ db, log, issuer }: { db: Database; log: FastifyBaseLogger; /** Signs the demo diplomas; without it none are issued. */ issuer?: IssuerSetup }): Promise<DemoSeedResult | null> {
  // Cheap check first, so a normal restart neither hashes a password nor waits on the lock.
  if (await createDemoRepo(db).hasOrganisations()) return null;
  const data = generateDemo(FEDERAL_SUBJECTS);
  // scrypt at OWASP cost is slow on purpose: hash once, share the hash across all demo accounts.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const isSeeded = await db.transaction(async (tx) => {
    const repo = createDemoRepo(tx);
    await repo.lockSeeding();
    if (await repo.hasOrganisations()) return false;
    // Municipalities and people point at regions; the upsert is idempotent, so it may run again here.
    await ensureReferenceData(tx);
    const municipalityIds = await repo.upsertMunicipalities(
      data.municipalities.map(({ key: _key, ...municipality }) => municipality),
    );
    const rows = buildRows(data, municipalityIds, passwordHash);
    await repo.insertRows(rows);
    const schedule = await seedScheduleDemo(tx, rows);
    await seedAdmissionsDemo(tx, rows);
    await seedAdmissionDocumentsDemo(tx);
    await seedTeamsDemo(tx, rows);
    await seedPracticesDemo(tx, rows);
    // Last: it reads the teams and the defence results of the demos above.
    await seedAssignmentsDemo(tx, rows);
    // After assignments: eligibility reads the completion rules (attendance, assignments, defences).
    await seedDiplomasDemo(tx, rows, issuer);
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'demo.seed',
      details: { people: rows.people.length, enrolments: rows.enrolments.length, users: rows.users.length, schedule },
    });
    return true;
  });
  if (!isSeeded) return null;
  log.info({ people: data.people.length, municipalities: data.municipalities.length }, 'demo data seeded');
  return { accounts: listDemoAccounts() };
}

/** Turns the generated data and the catalogue into table rows with ids assigned up front. */
function buildRows(data: DemoData, municipalityIds: Map<string, string>, passwordHash: string): DemoRows {
  const newId = () => crypto.randomUUID();
  const organisationIds = new Map(DEMO_ORGANISATIONS.map((o) => [o.slug, newId()]));
  const programmeIds = new Map(DEMO_PROGRAMMES.map((p) => [p.slug, newId()]));
  const intakeIds = new Map(DEMO_INTAKES.map((i) => [i.key, newId()]));
  const streamIds = new Map(DEMO_INTAKES.flatMap((i) => i.streams.map((s) => [streamKey(i.key, s.number), newId()] as const)));
  const personIds = new Map(data.people.map((p) => [p.email, newId()]));
  const idOf = <K>(map: Map<K, string>, key: K): string => {
    const id = map.get(key);
    if (!id) throw new Error(`demo: nothing called ${String(key)}`);
    return id;
  };

  const users = DEMO_ACCOUNTS.map((account) => ({
    id: newId(),
    email: `${account.local}@${DEMO_EMAIL_DOMAIN}`,
    displayName: data.displayNames[account.local] ?? account.local,
    passwordHash,
    personId: account.person ? idOf(personIds, account.person) : null,
    locale: 'ru',
  }));

  return {
    organisations: DEMO_ORGANISATIONS.map((o) => ({ id: idOf(organisationIds, o.slug), ...o })),
    programmes: DEMO_PROGRAMMES.map(({ organisation, ...p }) => ({ ...p, id: idOf(programmeIds, p.slug), organisationId: idOf(organisationIds, organisation) })),
    intakes: DEMO_INTAKES.map(({ key, programme, streams: _streams, ...intake }) => ({
      ...intake,
      id: idOf(intakeIds, key),
      programmeId: idOf(programmeIds, programme),
    })),
    streams: DEMO_INTAKES.flatMap((intake) =>
      intake.streams.map((s) => ({
        ...s,
        id: idOf(streamIds, streamKey(intake.key, s.number)),
        intakeId: idOf(intakeIds, intake.key),
        nameRu: `Поток ${s.number}`,
        nameEn: `Stream ${s.number}`,
      })),
    ),
    people: data.people.map(({ municipalityKey, ...person }) => ({
      ...person,
      id: idOf(personIds, person.email),
      municipalityId: idOf(municipalityIds, municipalityKey),
    })),
    enrolments: data.enrolments.map((e) => ({
      personId: idOf(personIds, e.personEmail),
      streamId: idOf(streamIds, e.stream),
      status: e.status,
      enrolledAt: new Date(e.enrolledAt),
    })),
    consentDocuments: [{ ...DEMO_CONSENT_DOCUMENT, publishedAt: new Date(DEMO_CONSENT_DOCUMENT.publishedAt) }],
    consents: data.consents.map((c) => ({
      personId: idOf(personIds, c.personEmail),
      documentVersion: DEMO_CONSENT_DOCUMENT.version,
      grantedAt: new Date(c.grantedAt),
    })),
    users,
    roleGrants: DEMO_ACCOUNTS.flatMap((account, index) =>
      account.grants.map((g) => ({
        userId: users[index]!.id,
        role: g.role,
        organisationId: g.organisation ? idOf(organisationIds, g.organisation) : null,
        programmeId: g.programme ? idOf(programmeIds, g.programme) : null,
        streamId: g.stream ? idOf(streamIds, g.stream) : null,
        regionCode: g.regionCode ?? null,
      })),
    ),
  };
}

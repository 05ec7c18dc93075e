import crypto from 'node:crypto';
import type { Database } from '../../src/db/client.ts';
import { consentDocuments, consents, jobRuns, outbox } from '../../src/db/schema/index.ts';
import { buildPerson, buildProgrammeTree, buildUser, enrol } from '../factories.ts';
import { buildScheduleAccessFixture } from './schedule-fixture.ts';
import { buildPracticesAccessFixture } from './practices-fixture.ts';

export const ROLES_UNDER_TEST = ['anonymous', 'participant', 'alumnus', 'expert', 'coordinator', 'staff', 'admin'] as const;
export type RoleUnderTest = (typeof ROLES_UNDER_TEST)[number];

/**
 * Two programmes (A, B) with people in several regions, and one user per role scoped to programme A:
 * the coordinator to RU-SAM, the participant to stream A3 as person pSam.
 */
export async function buildAccessFixture(db: Database) {
  const a = await buildProgrammeTree(db);
  const b = await buildProgrammeTree(db);
  const [a3, a4] = a.streams;
  const [b3] = b.streams;
  const pSam = await buildPerson(db, { regionCode: 'RU-SAM' });
  const pIrk = await buildPerson(db, { regionCode: 'RU-IRK' });
  const pAlumnus = await buildPerson(db, { regionCode: 'RU-MOW' });
  const pOther = await buildPerson(db, { regionCode: 'RU-SAM' });
  for (const person of [pSam, pIrk]) await enrol(db, person.id, a3!.id);
  await enrol(db, pAlumnus.id, a4!.id, { status: 'graduated' });
  await enrol(db, pOther.id, b3!.id);

  const users = {
    admin: await buildUser(db, { grants: [{ role: 'admin' }] }),
    staff: await buildUser(db, { grants: [{ role: 'staff', organisationId: a.organisation.id, programmeId: a.programme.id }] }),
    coordinator: await buildUser(db, {
      grants: [{ role: 'coordinator', organisationId: a.organisation.id, programmeId: a.programme.id, regionCode: 'RU-SAM' }],
    }),
    expert: await buildUser(db, { grants: [{ role: 'expert', organisationId: a.organisation.id, programmeId: a.programme.id }] }),
    participant: await buildUser(db, {
      personId: pSam.id,
      grants: [{ role: 'participant', organisationId: a.organisation.id, programmeId: a.programme.id, streamId: a3!.id }],
    }),
    alumnus: await buildUser(db, {
      personId: pAlumnus.id,
      grants: [{ role: 'alumnus', organisationId: a.organisation.id, programmeId: a.programme.id }],
    }),
  };

  await db.insert(consentDocuments).values({ version: `v-${crypto.randomBytes(3).toString('hex')}`, textRu: 'Согласие', textEn: 'Consent' });
  const [document] = await db.select().from(consentDocuments);
  const [participantConsent] = await db.insert(consents).values({ personId: pSam.id, documentVersion: document!.version }).returning();
  const [job] = await db.insert(jobRuns).values({ kind: 'people-import', createdBy: users.staff.id, status: 'succeeded' }).returning();
  const [mail] = await db.insert(outbox).values({ toAddress: 'x@example.test', subject: 'S', textBody: 'B', kind: 'test' }).returning();

  const schedule = await buildScheduleAccessFixture(db, { a: { ...a, a3: a3! }, people: { pSam }, users });
  const practices = await buildPracticesAccessFixture(db, { a, people: { pSam } });

  return {
    schedule,
    practices,
    a: { ...a, a3: a3!, a4: a4! },
    b: { ...b, b3: b3! },
    people: { pSam, pIrk, pAlumnus, pOther },
    users,
    consentVersion: document!.version,
    participantConsentId: participantConsent!.id,
    jobId: job!.id,
    mailId: mail!.id,
  };
}

export type AccessFixture = Awaited<ReturnType<typeof buildAccessFixture>>;

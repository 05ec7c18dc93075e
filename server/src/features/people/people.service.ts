import type { CreatePersonBody, Enrolment, Person, UpdatePersonBody } from '@ms/contracts/people';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { canViewNode } from '../programmes/programmes.policy.ts';
import { createProgrammesRepo, uniqueViolation, type Executor } from '../programmes/programmes.repo.ts';
import { canCreatePerson, canEditPerson, canManageEnrolments, canReadPerson, type PersonPlacement } from './people.policy.ts';
import { createPeopleRepo, type PersonValues } from './people.repo.ts';
import { fullName } from './roster.service.ts';

type PersonRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createPeopleRepo>['findPerson']>>>;
type EnrolmentRow = Awaited<ReturnType<ReturnType<typeof createPeopleRepo>['findEnrolments']>>[number];

const EARLIEST_BIRTH_DATE = '1900-01-01';

function toEnrolment(row: { id: string; personId: string; streamId: string; status: string; enrolledAt: Date }): Enrolment {
  return { id: row.id, personId: row.personId, streamId: row.streamId, status: row.status as Enrolment['status'], enrolledAt: row.enrolledAt.toISOString() };
}

/** People records and enrolments: read by staff, regional coordinators and the person; changed by staff. */
export function createPeopleService(deps: { db: Database; clock: Clock }) {
  const repo = createPeopleRepo(deps.db);
  const programmes = createProgrammesRepo(deps.db);

  async function load(id: string) {
    const row = await repo.findPerson(id);
    if (!row) return null;
    const enrolments = await repo.findEnrolments(id);
    const placement: PersonPlacement = {
      personId: id,
      regionCode: row.person.regionCode,
      enrolmentPaths: enrolments.map((e) => ({ organisationId: e.organisationId, programmeId: e.programmeId, streamId: e.streamId })),
    };
    return { row, enrolments, placement };
  }

  /** The person as this actor may see them: only enrolments in streams the actor can see. */
  async function present(actor: Actor, row: PersonRow, enrolments: EnrolmentRow[], placement: PersonPlacement): Promise<Person> {
    const scopes = actor.personId === row.person.id ? 'all' : await programmes.resolveScopes(actor);
    const p = row.person;
    return {
      id: p.id,
      fullName: fullName(p),
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      email: p.email,
      phone: p.phone,
      birthDate: p.birthDate,
      gender: p.gender,
      position: p.position,
      regionCode: p.regionCode,
      regionNameRu: row.regionNameRu,
      regionNameEn: row.regionNameEn,
      federalDistrict: row.federalDistrict,
      municipalityId: p.municipalityId,
      municipalityName: row.municipalityName,
      enrolments: enrolments
        .filter((e) => canViewNode(scopes, { organisationId: e.organisationId, programmeId: e.programmeId, intakeId: e.intakeId, streamId: e.streamId }))
        .map((e) => ({
          streamId: e.streamId,
          programmeId: e.programmeId,
          streamNameRu: e.streamNameRu,
          streamNameEn: e.streamNameEn,
          programmeNameRu: e.programmeNameRu,
          programmeNameEn: e.programmeNameEn,
          status: e.status as Person['enrolments'][number]['status'],
          enrolledAt: e.enrolledAt.toISOString(),
        })),
      canEdit: canEditPerson(actor, placement),
    };
  }

  /** Checks references and ranges; fills the region from the municipality when only that is given. */
  async function prepare(body: UpdatePersonBody, current: { regionCode: string | null; municipalityId: string | null } | null): Promise<PersonValues> {
    const values: PersonValues = { ...body };
    const problems: FieldProblem[] = [];
    if (body.email) values.email = body.email.toLowerCase();
    if (body.birthDate && (body.birthDate < EARLIEST_BIRTH_DATE || body.birthDate > deps.clock.now().toISOString().slice(0, 10))) {
      problems.push({ path: 'body.birthDate', key: 'field.birth_date_range' });
    }
    if (body.regionCode && !(await repo.regionExists(body.regionCode))) problems.push({ path: 'body.regionCode', key: 'field.unknown_region' });
    const region = body.regionCode !== undefined ? body.regionCode : (current?.regionCode ?? null);
    if (body.municipalityId) {
      const municipality = await repo.findMunicipality(body.municipalityId);
      if (!municipality) problems.push({ path: 'body.municipalityId', key: 'field.unknown_municipality' });
      else if (region === null) values.regionCode = municipality.regionCode;
      else if (municipality.regionCode !== region) problems.push({ path: 'body.municipalityId', key: 'field.municipality_region' });
    } else if (body.regionCode !== undefined && body.municipalityId === undefined && current?.municipalityId) {
      // Moving a person to another region drops a municipality that lies outside it.
      const municipality = await repo.findMunicipality(current.municipalityId);
      if (municipality && municipality.regionCode !== region) values.municipalityId = null;
    }
    if (problems.length > 0) throw new AppError('validation', { fields: problems });
    return values;
  }

  async function write<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    try {
      return await deps.db.transaction((tx) => work(tx));
    } catch (error) {
      if (uniqueViolation(error) === 'people_email_uq') {
        throw new AppError('conflict', { fields: [{ path: 'body.email', key: 'field.taken' }], cause: error });
      }
      throw error;
    }
  }

  /** The stream's path for enrolment changes: 404 when invisible, 403 when visible but not managed. */
  async function managedStream(actor: Actor, streamId: string) {
    const stream = await programmes.findStreamPath(streamId);
    if (!stream) throw new AppError('not_found');
    const path = { organisationId: stream.organisationId, programmeId: stream.programmeId, streamId: stream.streamId };
    if (canManageEnrolments(actor, path)) return stream;
    if (canViewNode(await programmes.resolveScopes(actor), { ...path, intakeId: stream.intakeId })) throw new AppError('forbidden');
    throw new AppError('not_found');
  }

  return {
    async getPerson(actor: Actor, id: string, ip: string | null): Promise<Person> {
      const found = await load(id);
      if (!found || !canReadPerson(actor, found.placement)) throw new AppError('not_found');
      await recordAudit(deps.db, { actor, action: 'person.read', entity: 'person', entityId: id, ip, details: { rowCount: 1 } });
      return present(actor, found.row, found.enrolments, found.placement);
    },

    async createPerson(actor: Actor, body: CreatePersonBody, ip: string | null): Promise<Person> {
      if (!canCreatePerson(actor)) throw new AppError('forbidden');
      const values = await prepare(body, null);
      const id = await write(async (tx) => {
        const created = await createPeopleRepo(tx).insertPerson({ ...values, lastName: body.lastName, firstName: body.firstName });
        await recordAudit(tx, { actor, action: 'person.create', entity: 'person', entityId: created, ip });
        return created;
      });
      const found = (await load(id))!;
      // The creator may not be staff where the person will be enrolled yet; they still edited the record.
      return { ...(await present(actor, found.row, found.enrolments, found.placement)), canEdit: true };
    },

    async updatePerson(actor: Actor, id: string, body: UpdatePersonBody, ip: string | null): Promise<Person> {
      const found = await load(id);
      if (!found || !canReadPerson(actor, found.placement)) throw new AppError('not_found');
      if (!canEditPerson(actor, found.placement)) throw new AppError('forbidden');
      if (Object.keys(body).length > 0) {
        const values = await prepare(body, found.row.person);
        await write(async (tx) => {
          await createPeopleRepo(tx).updatePerson(id, { ...values, updatedAt: deps.clock.now() });
          await recordAudit(tx, { actor, action: 'person.update', entity: 'person', entityId: id, ip, details: { fields: Object.keys(values) } });
        });
      }
      const updated = (await load(id))!;
      return present(actor, updated.row, updated.enrolments, updated.placement);
    },

    async enrol(actor: Actor, streamId: string, personId: string, ip: string | null): Promise<Enrolment> {
      await managedStream(actor, streamId);
      if (!(await repo.personExists(personId))) throw new AppError('not_found');
      const row = await deps.db.transaction(async (tx) => {
        const enrolled = await createPeopleRepo(tx).enrol(personId, streamId, deps.clock.now());
        if (!enrolled) throw new AppError('conflict', { fields: [{ path: 'body.personId', key: 'field.already_enrolled' }] });
        await recordAudit(tx, { actor, action: 'enrolment.create', entity: 'enrolment', entityId: enrolled.id, ip, details: { personId, streamId } });
        return enrolled;
      });
      return toEnrolment(row);
    },

    /** Withdraws a participant; the enrolment is kept (status withdrawn) for the record. Repeating it changes nothing. */
    async withdraw(actor: Actor, streamId: string, personId: string, ip: string | null): Promise<Enrolment> {
      await managedStream(actor, streamId);
      const current = await repo.findEnrolment(personId, streamId);
      if (!current) throw new AppError('not_found');
      if (current.status === 'withdrawn') return toEnrolment(current);
      const row = await deps.db.transaction(async (tx) => {
        const withdrawn = await createPeopleRepo(tx).withdraw(current.id);
        await recordAudit(tx, { actor, action: 'enrolment.withdraw', entity: 'enrolment', entityId: current.id, ip, details: { personId, streamId, from: current.status } });
        return withdrawn;
      });
      return toEnrolment(row);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;

import type {
  CreateIntakeBody,
  CreateOrganisationBody,
  CreateProgrammeBody,
  CreateStreamBody,
  Intake,
  IntakesQuery,
  Organisation,
  OrganisationsQuery,
  Programme,
  ProgrammesQuery,
  Stream,
  StreamsQuery,
  UpdateIntakeBody,
  UpdateOrganisationBody,
  UpdateProgrammeBody,
  UpdateStreamBody,
} from '@ms/contracts/programmes';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { canCreateOrganisation, canManageNode, canViewNode, type NodePath } from './programmes.policy.ts';
import { createProgrammesRepo, uniqueViolation, type Executor, type StreamRow } from './programmes.repo.ts';

type OrganisationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createProgrammesRepo>['findOrganisation']>>>;
type ProgrammeRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createProgrammesRepo>['findProgramme']>>>;
type IntakeRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createProgrammesRepo>['findIntake']>>>;

/** Which request field a unique constraint guards, so a duplicate answers 409 naming the field. */
const UNIQUE_FIELDS: Record<string, string> = {
  organisations_slug_unique: 'body.slug',
  programmes_slug_unique: 'body.slug',
  streams_intake_number_uq: 'body.number',
};

function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw new AppError('validation', { fields: [{ path: 'body.endsOn', key: 'field.end_before_start' }] });
}

const isEmpty = (body: object): boolean => Object.keys(body).length === 0;

const intakePath = (row: IntakeRow): NodePath => ({ organisationId: row.organisationId, programmeId: row.programmeId, intakeId: row.id });
const streamPath = (row: StreamRow): NodePath => ({
  organisationId: row.organisationId,
  programmeId: row.programmeId,
  intakeId: row.intakeId,
  streamId: row.id,
});

/** Organisations, programmes, intakes and streams: read by anyone holding a grant in them, managed by their staff. */
export function createProgrammesService(deps: { db: Database }) {
  const repo = createProgrammesRepo(deps.db);

  /** Runs a write and its audit record in one transaction; maps duplicates to 409 with the field. */
  async function write<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    try {
      return await deps.db.transaction((tx) => work(tx));
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === null) throw error;
      const path = UNIQUE_FIELDS[constraint];
      throw new AppError('conflict', { fields: path ? [{ path, key: 'field.taken' }] : [], cause: error });
    }
  }

  const toOrganisation = (actor: Actor, row: OrganisationRow): Organisation => ({
    id: row.id,
    slug: row.slug,
    nameRu: row.nameRu,
    nameEn: row.nameEn,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    canManage: canManageNode(actor, { organisationId: row.id }),
  });
  const toProgramme = (actor: Actor, row: ProgrammeRow): Programme => ({
    id: row.id,
    organisationId: row.organisationId,
    slug: row.slug,
    nameRu: row.nameRu,
    nameEn: row.nameEn,
    descriptionRu: row.descriptionRu,
    descriptionEn: row.descriptionEn,
    completionThresholdPct: row.completionThresholdPct,
    createdAt: row.createdAt.toISOString(),
    canManage: canManageNode(actor, { organisationId: row.organisationId, programmeId: row.id }),
  });
  const toIntake = (actor: Actor, row: IntakeRow): Intake => ({
    id: row.id,
    programmeId: row.programmeId,
    nameRu: row.nameRu,
    nameEn: row.nameEn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    createdAt: row.createdAt.toISOString(),
    canManage: canManageNode(actor, intakePath(row)),
  });
  const toStream = (actor: Actor, row: StreamRow): Stream => ({ ...row, createdAt: row.createdAt.toISOString(), canManage: canManageNode(actor, streamPath(row)) });

  /** Loads a node and checks it is visible (404 otherwise, never revealing existence). */
  async function visibleOrganisation(actor: Actor, id: string) {
    const row = await repo.findOrganisation(id);
    if (!row || !canViewNode(await repo.resolveScopes(actor), { organisationId: row.id })) throw new AppError('not_found');
    return row;
  }
  async function visibleProgramme(actor: Actor, id: string) {
    const row = await repo.findProgramme(id);
    if (!row || !canViewNode(await repo.resolveScopes(actor), { organisationId: row.organisationId, programmeId: row.id })) throw new AppError('not_found');
    return row;
  }
  async function visibleIntake(actor: Actor, id: string) {
    const row = await repo.findIntake(id);
    if (!row || !canViewNode(await repo.resolveScopes(actor), intakePath(row))) throw new AppError('not_found');
    return row;
  }
  async function visibleStream(actor: Actor, id: string) {
    const row = await repo.findStream(id);
    if (!row || !canViewNode(await repo.resolveScopes(actor), streamPath(row))) throw new AppError('not_found');
    return row;
  }
  function requireManage(actor: Actor, node: NodePath): void {
    if (!canManageNode(actor, node)) throw new AppError('forbidden');
  }

  return {
    async listOrganisations(actor: Actor, query: OrganisationsQuery) {
      const { items, total } = await repo.listOrganisations(await repo.resolveScopes(actor), query);
      return { items: items.map((row) => toOrganisation(actor, row)), total, page: query.page, pageSize: query.pageSize };
    },
    async getOrganisation(actor: Actor, id: string) {
      return toOrganisation(actor, await visibleOrganisation(actor, id));
    },
    async createOrganisation(actor: Actor, body: CreateOrganisationBody) {
      if (!canCreateOrganisation(actor)) throw new AppError('forbidden');
      const row = await write(async (tx) => {
        const created = await createProgrammesRepo(tx).insertOrganisation(body);
        await recordAudit(tx, { actor, action: 'organisation.create', entity: 'organisation', entityId: created.id, details: { slug: created.slug } });
        return created;
      });
      return toOrganisation(actor, row);
    },
    async updateOrganisation(actor: Actor, id: string, body: UpdateOrganisationBody) {
      const current = await visibleOrganisation(actor, id);
      requireManage(actor, { organisationId: id });
      if (isEmpty(body)) return toOrganisation(actor, current);
      const row = await write(async (tx) => {
        const updated = await createProgrammesRepo(tx).updateOrganisation(id, body);
        await recordAudit(tx, { actor, action: 'organisation.update', entity: 'organisation', entityId: id, details: { fields: Object.keys(body) } });
        return updated;
      });
      return toOrganisation(actor, row);
    },

    async listProgrammes(actor: Actor, query: ProgrammesQuery) {
      const { items, total } = await repo.listProgrammes(await repo.resolveScopes(actor), query);
      return { items: items.map((row) => toProgramme(actor, row)), total, page: query.page, pageSize: query.pageSize };
    },
    async getProgramme(actor: Actor, id: string) {
      return toProgramme(actor, await visibleProgramme(actor, id));
    },
    async createProgramme(actor: Actor, body: CreateProgrammeBody) {
      await visibleOrganisation(actor, body.organisationId);
      requireManage(actor, { organisationId: body.organisationId });
      const row = await write(async (tx) => {
        const created = await createProgrammesRepo(tx).insertProgramme(body);
        await recordAudit(tx, { actor, action: 'programme.create', entity: 'programme', entityId: created.id, details: { slug: created.slug } });
        return created;
      });
      return toProgramme(actor, row);
    },
    async updateProgramme(actor: Actor, id: string, body: UpdateProgrammeBody) {
      const current = await visibleProgramme(actor, id);
      requireManage(actor, { organisationId: current.organisationId, programmeId: id });
      if (isEmpty(body)) return toProgramme(actor, current);
      const row = await write(async (tx) => {
        const updated = await createProgrammesRepo(tx).updateProgramme(id, body);
        await recordAudit(tx, { actor, action: 'programme.update', entity: 'programme', entityId: id, details: { fields: Object.keys(body) } });
        return updated;
      });
      return toProgramme(actor, row);
    },

    async listIntakes(actor: Actor, query: IntakesQuery) {
      const { items, total } = await repo.listIntakes(await repo.resolveScopes(actor), query);
      return { items: items.map((row) => toIntake(actor, row)), total, page: query.page, pageSize: query.pageSize };
    },
    async getIntake(actor: Actor, id: string) {
      return toIntake(actor, await visibleIntake(actor, id));
    },
    async createIntake(actor: Actor, body: CreateIntakeBody) {
      const programme = await visibleProgramme(actor, body.programmeId);
      requireManage(actor, { organisationId: programme.organisationId, programmeId: programme.id });
      checkDates(body.startsOn, body.endsOn);
      const id = await write(async (tx) => {
        const created = await createProgrammesRepo(tx).insertIntake(body);
        await recordAudit(tx, { actor, action: 'intake.create', entity: 'intake', entityId: created.id, details: { programmeId: programme.id } });
        return created.id;
      });
      return toIntake(actor, (await repo.findIntake(id))!);
    },
    async updateIntake(actor: Actor, id: string, body: UpdateIntakeBody) {
      const current = await visibleIntake(actor, id);
      requireManage(actor, intakePath(current));
      if (isEmpty(body)) return toIntake(actor, current);
      checkDates(body.startsOn ?? current.startsOn, body.endsOn ?? current.endsOn);
      await write(async (tx) => {
        await createProgrammesRepo(tx).updateIntake(id, body);
        await recordAudit(tx, { actor, action: 'intake.update', entity: 'intake', entityId: id, details: { fields: Object.keys(body) } });
      });
      return toIntake(actor, (await repo.findIntake(id))!);
    },

    async listStreams(actor: Actor, query: StreamsQuery) {
      const { items, total } = await repo.listStreams(await repo.resolveScopes(actor), query);
      return { items: items.map((row) => toStream(actor, row)), total, page: query.page, pageSize: query.pageSize };
    },
    async getStream(actor: Actor, id: string) {
      return toStream(actor, await visibleStream(actor, id));
    },
    async createStream(actor: Actor, body: CreateStreamBody) {
      const intake = await visibleIntake(actor, body.intakeId);
      requireManage(actor, intakePath(intake));
      checkDates(body.startsOn, body.endsOn);
      const id = await write(async (tx) => {
        const created = await createProgrammesRepo(tx).insertStream(body);
        await recordAudit(tx, { actor, action: 'stream.create', entity: 'stream', entityId: created.id, details: { intakeId: intake.id, number: body.number } });
        return created.id;
      });
      return toStream(actor, (await repo.findStream(id))!);
    },
    async updateStream(actor: Actor, id: string, body: UpdateStreamBody) {
      const current = await visibleStream(actor, id);
      requireManage(actor, streamPath(current));
      if (isEmpty(body)) return toStream(actor, current);
      checkDates(body.startsOn ?? current.startsOn, body.endsOn ?? current.endsOn);
      await write(async (tx) => {
        await createProgrammesRepo(tx).updateStream(id, body);
        await recordAudit(tx, { actor, action: 'stream.update', entity: 'stream', entityId: id, details: { fields: Object.keys(body) } });
      });
      return toStream(actor, (await repo.findStream(id))!);
    },
  };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;

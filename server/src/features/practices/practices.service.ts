import { AREA_LABELS, type AreaCode } from '@ms/contracts/areas';
import type { CreatePracticeBody, Practice, PracticeModuleList, PracticePage, PracticeQuery, PracticeFilter, UpdatePracticeBody } from '@ms/contracts/practices';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { createConcurrencyGate } from '../../lib/concurrency-gate.ts';
import { AppError, notFound, type FieldProblem } from '../../lib/errors.ts';
import { translate } from '../../lib/i18n.ts';
import type { Locale } from '../../lib/messages.ts';
import { pageOffset } from '../../lib/pagination.ts';
import { buildCsv } from '../people/roster.export.ts';
import { canFollowAdoptions, canEditPractice, canProposePractice, canReadPractice, canCuratePractice, curatedProgrammeIds, hasWideStaffGrant } from './practices.policy.ts';
import { canViewNode } from '../programmes/programmes.policy.ts';
import { createProgrammesRepo } from '../programmes/programmes.repo.ts';
import { toPractice, toSummaries } from './practices.present.ts';
import { createPracticesRepo, type Executor, type PracticeVisibility } from './practices.repo.ts';

/** Export is capped: a library larger than this is exported filter by filter. */
const EXPORT_LIMIT = 20_000;
/** Fields whose edits the history records (before → after). */
const TRACKED = ['title', 'summary', 'problem', 'solution', 'results', 'originRegionCode', 'originMunicipalityId', 'areas', 'contacts', 'links'] as const;

/** The practice library: search, pages, proposals and staff edits with history. */
export function createPracticesService(deps: { db: Database; clock: Clock; searchConcurrency: number }) {
  const repo = createPracticesRepo(deps.db);
  // Searches are CPU-bound in PostgreSQL: as many at once as there are cores, the rest queued in order.
  const searchGate = createConcurrencyGate(deps.searchConcurrency);
  const programmesRepo = createProgrammesRepo(deps.db);

  async function visibilityFor(actor: Actor): Promise<PracticeVisibility> {
    let ids = curatedProgrammeIds(actor);
    if (ids !== 'all' && hasWideStaffGrant(actor)) {
      const organisations = actor.grants.filter((g) => g.role === 'staff' && !g.programmeId).map((g) => g.organisationId);
      if (organisations.includes(null)) ids = 'all';
      else {
        ids = [...new Set([...ids, ...(await repo.listProgrammeIdsOf(organisations as string[]))])];
      }
    }
    return { curatedProgrammeIds: ids, userId: actor.userId };
  }

  /** The practice if the actor may read it; 404 otherwise (existence is not revealed). */
  async function readable(actor: Actor, id: string) {
    const row = await repo.findPractice(id);
    if (!row) throw notFound();
    const scope = { ...row.practice, organisationId: row.organisationId };
    if (!canReadPractice(actor, scope)) throw notFound();
    return { row, scope };
  }

  async function checkReferences(programmeId: string, body: UpdatePracticeBody): Promise<void> {
    const problems: FieldProblem[] = [];
    if (body.originRegionCode && !(await repo.regionExists(body.originRegionCode))) problems.push({ path: 'body.originRegionCode', key: 'field.unknown_region' });
    if (body.originMunicipalityId) {
      const municipality = await repo.findMunicipality(body.originMunicipalityId);
      if (!municipality) problems.push({ path: 'body.originMunicipalityId', key: 'field.unknown_municipality' });
      else if (body.originRegionCode && municipality.regionCode !== body.originRegionCode) problems.push({ path: 'body.originMunicipalityId', key: 'field.municipality_region' });
    }
    if (body.showings && body.showings.length > 0) {
      const known = new Set((await repo.findModulesInProgramme(programmeId, body.showings.map((s) => s.moduleId))).map((m) => m.id));
      const sessions = new Map((await repo.findSessions(body.showings.flatMap((s) => (s.sessionId ? [s.sessionId] : [])))).map((s) => [s.id, s.moduleId]));
      body.showings.forEach((showing, i) => {
        if (!known.has(showing.moduleId)) problems.push({ path: `body.showings.${i}.moduleId`, key: 'practices.unknown_module' });
        else if (showing.sessionId && sessions.get(showing.sessionId) !== showing.moduleId) problems.push({ path: `body.showings.${i}.sessionId`, key: 'practices.unknown_session' });
      });
    }
    if (problems.length > 0) throw new AppError('validation', { fields: problems });
  }

  async function present(actor: Actor, id: string): Promise<Practice> {
    const { row, scope } = await readable(actor, id);
    return toPractice(row, await repo.listShowings(id), { canEdit: canEditPractice(actor, scope), canCurate: canCuratePractice(actor, scope) });
  }

  /** Non-approved statuses are narrowed to the programmes the actor curates and their own proposals. */
  async function searchFor(actor: Actor, filter: PracticeFilter, limit: number, offset: number) {
    const visibility = await visibilityFor(actor);
    return searchGate.run(() => repo.search(filter, visibility, { limit, offset }));
  }

  return {
    readable,

    /** A page of the library; with `q`, ranked by relevance (Russian stemming). */
    async listPractices(actor: Actor, query: PracticeQuery): Promise<PracticePage> {
      const { rows, total, totalCapped } = await searchFor(actor, query, query.pageSize, pageOffset(query.page, query.pageSize));
      return { items: toSummaries(rows), total, totalCapped, page: query.page, pageSize: query.pageSize };
    },

    /** The same filters as CSV (RU/EN header, formulas neutralised); audited as an export. */
    async exportCsv(actor: Actor, filter: PracticeFilter, locale: Locale): Promise<Buffer> {
      const { rows } = await searchFor(actor, filter, EXPORT_LIMIT, 0);
      await recordAudit(deps.db, { actor, action: 'practice.export', entity: 'practice', details: { count: rows.length, q: filter.q ?? null } });
      const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
      const header = [t('practices.column.title'), t('practices.column.region'), t('practices.column.municipality'), t('practices.column.areas'), t('practices.column.summary'), t('practices.column.adoptions'), 'id'];
      return buildCsv(
        header,
        rows.map((r) => [r.title, locale === 'en' ? r.region_name_en : r.region_name_ru, r.municipality_name, r.areas.map((a) => AREA_LABELS[a as AreaCode]?.[locale] ?? a).join(', '), r.summary, r.adoption_count, r.id]),
      );
    },

    getPractice: present,

    /**
     * The field modules where approved practices were shown. Every signed-in reader sees these on the
     * practice pages already (where participants saw it), so the list reveals nothing new.
     */
    async listShownModules(_actor: Actor): Promise<PracticeModuleList> {
      return { items: await repo.listShownModules() };
    },

    /** Staff add an approved practice; anyone else in the programme proposes one for curation. */
    async createPractice(actor: Actor, body: CreatePracticeBody): Promise<Practice> {
      const programme = await repo.findProgramme(body.programmeId);
      const path = programme ? { organisationId: programme.organisationId, programmeId: programme.id } : null;
      if (!path || !canProposePractice(actor, path)) throw notFound();
      await checkReferences(body.programmeId, body);
      const isCurator = canCuratePractice(actor, path);
      const now = deps.clock.now();
      const { showings, ...fields } = body;
      const id = await deps.db.transaction(async (tx) => {
        const txRepo = createPracticesRepo(tx as Executor);
        const newId = await txRepo.insertPractice({
          ...fields,
          status: isCurator ? 'approved' : 'proposed',
          proposedByUserId: actor.userId,
          approvedByUserId: isCurator ? actor.userId : null,
          approvedAt: isCurator ? now : null,
          createdAt: now,
          updatedAt: now,
        });
        await txRepo.replaceShowings(newId, showings);
        await txRepo.insertRevision({ practiceId: newId, editorUserId: actor.userId, action: 'create', createdAt: now });
        await recordAudit(tx, { actor, action: isCurator ? 'practice.create' : 'practice.propose', entity: 'practice', entityId: newId });
        return newId;
      });
      return present(actor, id);
    },

    /** Edits a practice (staff; the proposer while it is proposed); the history keeps before → after. */
    async updatePractice(actor: Actor, id: string, body: UpdatePracticeBody): Promise<Practice> {
      const { row, scope } = await readable(actor, id);
      if (!canEditPractice(actor, scope)) throw new AppError('forbidden');
      const current = row.practice;
      await checkReferences(current.programmeId, { originRegionCode: current.originRegionCode, ...body, ...(body.originMunicipalityId === undefined && body.originRegionCode ? { originMunicipalityId: current.originMunicipalityId } : {}) });
      const changes: Record<string, [unknown, unknown]> = {};
      for (const field of TRACKED) {
        if (body[field] !== undefined && JSON.stringify(body[field]) !== JSON.stringify(current[field])) changes[field] = [current[field], body[field]];
      }
      const now = deps.clock.now();
      const { showings, ...fields } = body;
      await deps.db.transaction(async (tx) => {
        const txRepo = createPracticesRepo(tx as Executor);
        await txRepo.updatePractice(id, { ...fields, updatedAt: now });
        if (showings) {
          await txRepo.replaceShowings(id, showings);
          changes.showings = [null, showings.length];
        }
        await txRepo.insertRevision({ practiceId: id, editorUserId: actor.userId, action: 'update', changes, createdAt: now });
        await recordAudit(tx, { actor, action: 'practice.update', entity: 'practice', entityId: id, details: { fields: Object.keys(changes) } });
      });
      return present(actor, id);
    },

    visibilityFor,

    /**
     * A programme whose adoptions the actor follows (`staff`) or at least takes part in (`member`):
     * 404 when they cannot see it at all, 403 when they see it but may not do this.
     */
    async programmeFor(actor: Actor, programmeId: string, need: 'staff' | 'member' = 'staff') {
      const programme = await repo.findProgramme(programmeId);
      if (!programme) throw notFound();
      const path = { organisationId: programme.organisationId, programmeId: programme.id };
      if (canFollowAdoptions(actor, path)) return programme;
      const isMember = canViewNode(await programmesRepo.resolveScopes(actor), path);
      if (need === 'member' && isMember) return programme;
      throw isMember ? new AppError('forbidden') : notFound();
    },
  };
}

export type PracticesService = ReturnType<typeof createPracticesService>;

import { AREA_CODES, AREA_LABELS, type AreaCode } from '@ms/contracts/areas';
import type { AreaCoverage, CreateImprovementBody, Improvement, ImprovementFilter, ImprovementPage, ImprovementQuery, UpdateImprovementBody } from '@ms/contracts/improvements';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import { AppError, forbidden, notFound, type FieldProblem } from '../../lib/errors.ts';
import { buildCsv } from '../people/roster.export.ts';
import { resolveStreamAccess, type StreamAccess } from '../teams/stream-access.ts';
import { findTeamOfPerson } from '../teams/teams.membership.ts';
import { boardRegions, canEditImprovement, canReadBoard, canRecord } from './improvements.policy.ts';
import { createImprovementsRepo, type ImprovementRow } from './improvements.repo.ts';

type Locale = 'ru' | 'en';
const invalid = (fields: FieldProblem[]) => new AppError('validation', { fields });

function present(row: ImprovementRow, locale: Locale, canEdit: boolean): Improvement {
  const { sessionTitleRu, sessionTitleEn, createdByUserId: _c, createdAt, ...rest } = row;
  return { ...rest, area: row.area as AreaCode, sessionTitle: (locale === 'en' ? sessionTitleEn : sessionTitleRu) ?? null, createdAt: createdAt.toISOString(), canEdit };
}

/** The improvements board of a stream, recording improvements, and the coverage of the 30 areas. */
export function createImprovementsService(deps: { db: Database; auditBuffer?: AuditBuffer }) {
  const repo = createImprovementsRepo(deps.db);

  async function readAccess(actor: Actor, streamId: string): Promise<StreamAccess> {
    const access = await resolveStreamAccess(deps.db, actor, streamId);
    if (!canReadBoard(access)) throw notFound();
    return access;
  }

  async function checkLinks(streamId: string, body: { municipalityId?: string; sessionId?: string | null; teamId?: string | null }): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (body.municipalityId && !(await repo.municipalityExists(body.municipalityId))) problems.push({ path: 'body.municipalityId', key: 'improvements.unknown_municipality' });
    if (body.sessionId && !(await repo.isStrategicSession(streamId, body.sessionId))) problems.push({ path: 'body.sessionId', key: 'improvements.unknown_session' });
    if (body.teamId && !(await repo.teamInStream(streamId, body.teamId))) problems.push({ path: 'body.teamId', key: 'improvements.unknown_team' });
    return problems;
  }

  async function improvementFor(actor: Actor, id: string) {
    const row = await repo.findImprovement(id);
    if (!row) throw notFound();
    const access = await readAccess(actor, row.streamId);
    const regions = boardRegions(access);
    if (regions && !regions.includes(row.regionCode)) throw notFound();
    return { row, access };
  }

  return {
    async listBoard(actor: Actor, streamId: string, query: ImprovementQuery, locale: Locale): Promise<ImprovementPage> {
      const access = await readAccess(actor, streamId);
      const { items, total } = await repo.listBoard(streamId, query, boardRegions(access), query);
      deps.auditBuffer?.record({ actor, action: 'improvements.read', entity: 'stream', entityId: streamId, details: { rows: items.length } });
      return { items: items.map((row) => present(row, locale, canEditImprovement(actor, access, row))), total, page: query.page, pageSize: query.pageSize };
    },

    /** The filtered board as CSV (UTF-8 with BOM, ";"), with area labels in the reader's language. */
    async exportBoard(actor: Actor, streamId: string, filter: ImprovementFilter, locale: Locale): Promise<{ fileName: string; body: Buffer }> {
      const access = await readAccess(actor, streamId);
      const { items } = await repo.listBoard(streamId, filter, boardRegions(access));
      await recordAudit(deps.db, { actor, action: 'improvements.export', entity: 'stream', entityId: streamId, details: { rows: items.length } });
      const header = locale === 'en'
        ? ['Area', 'Municipality', 'Region', 'Team', 'Author', 'Problem', 'Proposed change', 'Expected effect', 'Session', 'Recorded at']
        : ['Направление', 'Муниципалитет', 'Регион', 'Команда', 'Автор', 'Проблема', 'Предлагаемое изменение', 'Ожидаемый эффект', 'Сессия', 'Записано'];
      const rows = items.map((r) => [
        AREA_LABELS[r.area as AreaCode]?.[locale] ?? r.area,
        r.municipalityName,
        r.regionCode,
        r.teamName,
        r.authorName,
        r.problem,
        r.proposal,
        r.expectedEffect,
        (locale === 'en' ? r.sessionTitleEn : r.sessionTitleRu) ?? null,
        r.createdAt.toISOString(),
      ]);
      return { fileName: `improvements-${streamId.slice(0, 8)}.csv`, body: buildCsv(header, rows) };
    },

    /** All 30 areas with their counts; `missing` lists the areas nobody has covered yet. */
    async coverage(actor: Actor, streamId: string): Promise<AreaCoverage> {
      const access = await readAccess(actor, streamId);
      const counts = new Map((await repo.countByArea(streamId, boardRegions(access))).map((r) => [r.area, r.count]));
      const areas = AREA_CODES.map((area) => ({ area, count: counts.get(area) ?? 0 }));
      const missing = areas.filter((a) => a.count === 0).map((a) => a.area);
      return { areas, covered: AREA_CODES.length - missing.length, total: AREA_CODES.length, missing };
    },

    async createImprovement(actor: Actor, streamId: string, body: CreateImprovementBody, locale: Locale): Promise<Improvement> {
      const access = await readAccess(actor, streamId);
      if (!canRecord(access)) throw forbidden();
      const problems = await checkLinks(streamId, body);
      let personId: string | null;
      if (access.isStaff) {
        personId = body.personId ?? null;
        if (personId && !(await repo.isEnrolled(streamId, personId))) problems.push({ path: 'body.personId', key: 'improvements.person_not_enrolled' });
      } else {
        personId = access.personId;
        // A participant records for themselves, and for a team only when it is their own.
        if (body.teamId && problems.every((p) => p.path !== 'body.teamId')) {
          const own = await findTeamOfPerson(deps.db, streamId, personId!);
          if (own?.teamId !== body.teamId) problems.push({ path: 'body.teamId', key: 'improvements.not_own_team' });
        }
      }
      if (problems.length > 0) throw invalid(problems);
      const id = await deps.db.transaction(async (tx) => {
        const row = await createImprovementsRepo(tx).insert({
          streamId,
          area: body.area,
          municipalityId: body.municipalityId,
          teamId: body.teamId ?? null,
          personId,
          sessionId: body.sessionId ?? null,
          problem: body.problem,
          proposal: body.proposal,
          expectedEffect: body.expectedEffect,
          createdByUserId: actor.userId,
        });
        await recordAudit(tx, { actor, action: 'improvement.create', entity: 'improvement', entityId: row.id, details: { streamId, area: body.area } });
        return row.id;
      });
      const row = (await repo.findImprovement(id))!;
      return present(row, locale, true);
    },

    async updateImprovement(actor: Actor, id: string, body: UpdateImprovementBody, locale: Locale): Promise<Improvement> {
      const { row, access } = await improvementFor(actor, id);
      if (!canEditImprovement(actor, access, row)) throw forbidden();
      const problems = await checkLinks(row.streamId, { sessionId: body.sessionId });
      if (problems.length > 0) throw invalid(problems);
      await deps.db.transaction(async (tx) => {
        await createImprovementsRepo(tx).update(id, body);
        await recordAudit(tx, { actor, action: 'improvement.update', entity: 'improvement', entityId: id, details: { fields: Object.keys(body) } });
      });
      return present((await repo.findImprovement(id))!, locale, true);
    },

    async deleteImprovement(actor: Actor, id: string): Promise<{ ok: true }> {
      const { row, access } = await improvementFor(actor, id);
      if (!canEditImprovement(actor, access, row)) throw forbidden();
      await deps.db.transaction(async (tx) => {
        await createImprovementsRepo(tx).remove(id);
        await recordAudit(tx, { actor, action: 'improvement.delete', entity: 'improvement', entityId: id, details: { streamId: row.streamId, area: row.area } });
      });
      return { ok: true };
    },
  };
}

import { GradebookQuerySchema, type Gradebook, type GradebookQuery } from '@ms/contracts/assignments';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import type { AuditBuffer } from '../../lib/audit.ts';
import { buildCsv, buildXlsx, type Cell } from '../people/roster.export.ts';
import { fullName } from '../people/roster.service.ts';
import { findTeamMembership } from '../teams/teams.membership.ts';
import { createAssignmentsContext } from './assignments.context.ts';
import type { AssignmentRow, Executor } from './assignments.repo.ts';
import { createAssignmentsRepo } from './assignments.repo.ts';
import { createGradebookRepo } from './gradebook.repo.ts';
import { readAll } from '../../lib/db-reads.ts';

export interface WorkCell {
  assignmentId: string;
  score: number | null;
  isPassed: boolean | null;
  isLate: boolean;
  isSubmitted: boolean;
  isReleased: boolean;
}

export interface GradebookRow {
  personId: string;
  fullName: string;
  teamName: string | null;
  cells: WorkCell[];
}

/**
 * participants × assignments of a stream, each cell the person's own work or their team's. No
 * authorization here: the gradebook service and the completion rules authorize first.
 */
export async function loadGradebook(db: Executor, streamId: string): Promise<{ assignments: AssignmentRow[]; rows: GradebookRow[] }> {
  const gradebookRepo = createGradebookRepo(db);
  const [list, participants, work, membership] = await readAll(db, [
    () => createAssignmentsRepo(db).listAssignments([streamId]),
    () => gradebookRepo.listParticipants(streamId),
    () => gradebookRepo.listStreamWork(streamId),
    () => findTeamMembership(db, streamId),
  ] as const);
  const teamOf = new Map(membership.map((m) => [m.personId, m]));
  const workByKey = new Map(work.map((w) => [`${w.assignmentId}|${w.ownerKey}`, w]));
  const rows = participants.map((p) => {
    const team = teamOf.get(p.personId);
    return {
      personId: p.personId,
      fullName: fullName(p),
      teamName: team?.teamName ?? null,
      cells: list.map((a): WorkCell => {
        const owner = a.kind === 'team' ? (team ? `team:${team.teamId}` : null) : `person:${p.personId}`;
        const w = owner ? workByKey.get(`${a.id}|${owner}`) : undefined;
        return {
          assignmentId: a.id,
          score: w?.score ?? null,
          isPassed: w?.isPassed ?? null,
          isLate: w?.isLate ?? false,
          isSubmitted: (w?.latestVersion ?? 0) > 0,
          isReleased: w?.releasedAt != null,
        };
      }),
    };
  });
  return { assignments: list, rows };
}

const average = (cells: WorkCell[]) => {
  const scores = cells.map((c) => c.score).filter((s): s is number => s !== null);
  return scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null;
};

/** The stream's gradebook for staff: filter, sort, page, CSV and XLSX. */
export function createGradebookService(deps: { db: Database; auditBuffer: AuditBuffer }) {
  const ctx = createAssignmentsContext(deps.db);

  async function build(actor: Actor, streamId: string, input: GradebookQuery) {
    await ctx.streamFor(actor, streamId, 'manage');
    const query = GradebookQuerySchema.parse(input);
    const { assignments, rows } = await loadGradebook(deps.db, streamId);
    const required = new Set(assignments.filter((a) => a.isRequired).map((a) => a.id));
    const needle = query.q?.toLocaleLowerCase('ru');
    const filtered = rows
      .map((r) => ({ ...r, average: average(r.cells), passedCount: r.cells.filter((c) => c.isPassed === true).length }))
      .filter((r) => !needle || r.fullName.toLocaleLowerCase('ru').includes(needle) || (r.teamName ?? '').toLocaleLowerCase('ru').includes(needle))
      .filter((r) => {
        const req = r.cells.filter((c) => required.has(c.assignmentId));
        if (query.status === 'passing') return req.every((c) => c.isPassed === true);
        if (query.status === 'failing') return r.cells.some((c) => c.isPassed === false);
        if (query.status === 'missing') return req.some((c) => !c.isSubmitted);
        return true;
      });
    const direction = query.order === 'desc' ? -1 : 1;
    filtered.sort((a, b) =>
      query.sort === 'average' ? direction * ((a.average ?? -1) - (b.average ?? -1)) || a.fullName.localeCompare(b.fullName, 'ru') : direction * a.fullName.localeCompare(b.fullName, 'ru'),
    );
    return { assignments, filtered, query };
  }

  return {
    async gradebook(actor: Actor, streamId: string, input: GradebookQuery): Promise<Gradebook> {
      const { assignments, filtered, query } = await build(actor, streamId, input);
      deps.auditBuffer.record({ actor, action: 'gradebook.read', entity: 'stream', entityId: streamId });
      const start = (query.page - 1) * query.pageSize;
      return {
        assignments: assignments.map((a) => ({ id: a.id, titleRu: a.titleRu, titleEn: a.titleEn, moduleNumber: a.moduleNumber, kind: a.kind as 'individual' | 'team', passMark: a.passMark, isRequired: a.isRequired })),
        items: filtered.slice(start, start + query.pageSize),
        total: filtered.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** Every filtered row (no paging): per assignment its score and a status word. */
    async exportFile(actor: Actor, streamId: string, input: GradebookQuery, format: 'csv' | 'xlsx') {
      const { assignments, filtered } = await build(actor, streamId, input);
      deps.auditBuffer.record({ actor, action: 'gradebook.export', entity: 'stream', entityId: streamId, details: { rows: filtered.length, format } });
      const header = ['person_id', 'full_name', 'team', 'average', ...assignments.flatMap((a) => [`M${a.moduleNumber} ${a.titleRu}`, `M${a.moduleNumber} ${a.titleRu}: status`])];
      const status = (c: WorkCell) => (!c.isSubmitted ? 'not_submitted' : c.isPassed === null ? 'not_graded' : `${c.isPassed ? 'passed' : 'failed'}${c.isLate ? ',late' : ''}`);
      const rows: Cell[][] = filtered.map((r) => [r.personId, r.fullName, r.teamName, r.average, ...r.cells.flatMap((c) => [c.score, status(c)])]);
      const fileName = `gradebook-${streamId.slice(0, 8)}.${format}`;
      const content = format === 'csv' ? buildCsv(header, rows) : await buildXlsx('Gradebook', header, rows);
      const mediaType = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return { fileName, mediaType, content };
    },
  };
}

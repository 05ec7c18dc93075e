import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  assignmentGraders,
  assignments,
  completionExceptions,
  completionRules,
  grades,
  scheduleModules,
  submissionFiles,
  submissionVersions,
  submissions,
} from '../../db/schema/index.ts';
import { zonedLocalToUtc } from '../assignments/local-time.ts';
import { scoreRubric } from '../assignments/rubric.ts';
import { findDefenceResults } from '../projects/projects.completion.ts';
import { findTeamMembership } from '../teams/teams.membership.ts';
import { DEMO_EMAIL_DOMAIN } from './catalogue.ts';
import type { DemoRows, Executor } from './demo.repo.ts';
import { mulberry32, pick } from './prng.ts';
import { DEMO_ASSIGNMENTS, DEMO_SUBMISSION_TEXTS } from './assignments-demo.data.ts';

const SEED = 20_250_605;
const DAY_MS = 86_400_000;
/** A tiny valid PDF: every demo file is one, so downloads open. */
const DEMO_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

type Insertable<T extends PgTable> = T['$inferInsert'];
async function insertAll<T extends PgTable>(tx: Executor, table: T, rows: Array<Insertable<T>>): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(table).values(rows.slice(i, i + 2000) as never);
}

/**
 * Assignments on modules 1–4 of streams 3 and 4, submitted (a few late, a few missing), graded by the demo
 * expert and released; completion rules and one exception per stream. Who fails (deterministic):
 * positions 7–9 of each stream already miss attendance (schedule demo); positions 20 and 21 fail the
 * SWOT analysis; position 30 never submits the profile but has an exception. The demo participant
 * (position 0 of stream 3) leaves the optional essay unsubmitted so it can be submitted in the app.
 * The project rule is on only when final projects exist (the projects demo runs first).
 */
export async function seedAssignmentsDemo(tx: Executor, rows: DemoRows) {
  const rng = mulberry32(SEED);
  const newId = () => crypto.randomUUID();
  const programme = rows.programmes.find((p) => p.slug === 'school-of-mayors')!;
  const userId = (local: string) => rows.users.find((u) => u.email === `${local}@${DEMO_EMAIL_DOMAIN}`)!.id!;
  const expertId = userId('expert');
  const staffId = userId('staff');
  const intakeId = rows.intakes.find((i) => i.programmeId === programme.id && i.startsOn === '2024-10-08')!.id;
  const peopleById = new Map(rows.people.map((p) => [p.id!, p]));

  const assignmentRows: Array<Insertable<typeof assignments>> = [];
  const graderRows: Array<Insertable<typeof assignmentGraders>> = [];
  const submissionRows: Array<Insertable<typeof submissions>> = [];
  const versionRows: Array<Insertable<typeof submissionVersions>> = [];
  const fileRows: Array<Insertable<typeof submissionFiles>> = [];
  const gradeRows: Array<Insertable<typeof grades>> = [];
  const exceptionRows: Array<Insertable<typeof completionExceptions>> = [];
  let hasProjects = false;

  for (const number of [3, 4] as const) {
    const stream = rows.streams.find((s) => s.intakeId === intakeId && s.number === number)!;
    const participants = rows.enrolments.filter((e) => e.streamId === stream.id).map((e) => peopleById.get(e.personId)!).sort((a, b) => a.email!.localeCompare(b.email!));
    const modules = await tx.select().from(scheduleModules).where(and(eq(scheduleModules.streamId, stream.id!), inArray(scheduleModules.number, [1, 2, 3, 4])));
    const membership = await findTeamMembership(tx, stream.id!);
    const teamOf = new Map(membership.map((m) => [m.personId, m]));
    if ((await findDefenceResults(tx, stream.id!)).size > 0) hasProjects = true;

    for (const spec of DEMO_ASSIGNMENTS) {
      const module = modules.find((m) => m.number === spec.module);
      if (!module) continue;
      // Without teams (the teams demo did not run) the team case is done individually.
      const kind = spec.kind === 'team' && membership.length > 0 ? 'team' : 'individual';
      const dueAt = zonedLocalToUtc(`${new Date(Date.parse(module.startsOn) + spec.dueDays * DAY_MS).toISOString().slice(0, 10)}T18:00`, 'Europe/Moscow');
      const assignmentId = newId();
      const { dueDays: _d, module: _m, kind: _k, ...values } = spec;
      assignmentRows.push({ ...values, id: assignmentId, kind, moduleId: module.id, streamId: stream.id!, dueAt, timeZone: 'Europe/Moscow', passMark: 60, createdBy: staffId, createdAt: new Date(Date.parse(module.startsOn)) });
      graderRows.push({ assignmentId, userId: expertId });

      const owners = new Map<string, { personId: string | null; teamId: string | null; teamName: string | null; submitter: string; position: number }>();
      participants.forEach((person, position) => {
        const team = teamOf.get(person.id!);
        const key = kind === 'team' ? (team ? `team:${team.teamId}` : null) : `person:${person.id}`;
        if (key && !owners.has(key)) owners.set(key, { personId: kind === 'team' ? null : person.id!, teamId: kind === 'team' ? team!.teamId : null, teamName: kind === 'team' ? team!.teamName : null, submitter: person.id!, position });
      });

      for (const [ownerKey, owner] of owners) {
        const isSkipped = (spec.module === 1 && owner.position === 30) || (!spec.isRequired && (owner.position === 0 || rng() < 0.3));
        if (kind === 'individual' && isSkipped) continue;
        const isRefusingLate = spec.latePolicy === 'refuse';
        const isLate = !isRefusingLate && rng() < 0.08;
        const submittedAt = new Date(dueAt.getTime() + (isLate ? 1 + rng() * 48 : -(2 + rng() * 200)) * 3_600_000);
        const versions = rng() < 0.2 ? 2 : 1;
        const submissionId = newId();
        submissionRows.push({ id: submissionId, assignmentId, ownerKey, personId: owner.personId, teamId: owner.teamId, teamName: owner.teamName, graderUserId: expertId, latestVersion: versions, lastSubmittedAt: submittedAt, isLate, createdAt: submittedAt });
        for (let v = 1; v <= versions; v++) {
          const versionId = newId();
          const at = v === versions ? submittedAt : new Date(submittedAt.getTime() - 30 * 3_600_000);
          versionRows.push({ id: versionId, submissionId, version: v, text: pick(rng, DEMO_SUBMISSION_TEXTS), submittedByPersonId: owner.submitter, submittedAt: at, isLate: v === versions && isLate });
          fileRows.push({ versionId, fileName: `${spec.module}-${ownerKey.slice(-6)}-v${v}.pdf`, mediaType: 'application/pdf', sizeBytes: DEMO_PDF.length, content: DEMO_PDF });
        }
        const isFailing = spec.module === 2 && (owner.position === 20 || owner.position === 21);
        const levels = Object.fromEntries(spec.rubric.map((c) => [c.key, isFailing ? (rng() < 0.5 ? 0 : 1) : rng() < 0.4 ? 2 : 3]));
        const { score } = scoreRubric(spec.rubric, levels);
        const gradedAt = new Date(submittedAt.getTime() + 3 * DAY_MS);
        gradeRows.push({ submissionId, version: versions, graderUserId: expertId, levels, score, isPassed: score >= 60, feedback: score >= 60 ? 'Хорошая работа: данные точны, выводы обоснованы.' : 'Анализ поверхностный: переработайте раздел предложений.', gradedAt, releasedAt: new Date(gradedAt.getTime() + DAY_MS), releasedBy: staffId });
      }
    }
    const excused = participants[30];
    if (excused) exceptionRows.push({ streamId: stream.id!, personId: excused.id!, reason: 'Болезнь в период модуля 1; паспорт муниципалитета принят устно по согласованию с руководителем программы', grantedBy: staffId, grantedAt: new Date('2025-05-20T09:00:00Z') });
  }

  await insertAll(tx, assignments, assignmentRows);
  await insertAll(tx, assignmentGraders, graderRows);
  await insertAll(tx, submissions, submissionRows);
  await insertAll(tx, submissionVersions, versionRows);
  await insertAll(tx, submissionFiles, fileRows);
  await insertAll(tx, grades, gradeRows);
  await insertAll(tx, completionExceptions, exceptionRows);
  await tx.insert(completionRules).values({ programmeId: programme.id!, isAttendanceRequired: true, isAssignmentsRequired: true, isProjectRequired: hasProjects, updatedBy: staffId });
  return { assignments: assignmentRows.length, submissions: submissionRows.length, grades: gradeRows.length, exceptions: exceptionRows.length };
}

import type { CompletionRules, MissingItem, ParticipantProgress } from '@ms/contracts/completion';
import type { Database } from '../../db/client.ts';
import { loadGradebook } from '../assignments/gradebook.service.ts';
import { findDefenceResults } from '../projects/projects.completion.ts';
import { createCompletionRepo } from './completion.repo.ts';
import { readAll } from '../../lib/db-reads.ts';

export type CompletionResult = ParticipantProgress;

/** Rules with their defaults: a programme without a row applies all three. */
export function rulesOf(programmeId: string, thresholdPct: number, row: { isAttendanceRequired: boolean; isAssignmentsRequired: boolean; isProjectRequired: boolean } | null): CompletionRules {
  return {
    programmeId,
    isAttendanceRequired: row?.isAttendanceRequired ?? true,
    isAssignmentsRequired: row?.isAssignmentsRequired ?? true,
    isProjectRequired: row?.isProjectRequired ?? true,
    thresholdPct,
  };
}

/**
 * Who in the stream has earned the diploma, and what each of the others still misses. The rules are the
 * programme's (each can be switched off): attendance at or above the programme's threshold; every
 * required assignment passed with a released grade; the final project defended. A live exception granted
 * by staff makes a person eligible whatever is missing (the missing items are still listed).
 * No authorization: callers (this feature's routes, diplomas) authorize first.
 */
export async function evaluateCompletion(db: Database, streamId: string, options: { now?: Date } = {}): Promise<{ rules: CompletionRules; items: CompletionResult[] }> {
  const repo = createCompletionRepo(db);
  const stream = await repo.findStream(streamId);
  if (!stream) return { rules: rulesOf(streamId, 80, null), items: [] };
  const now = options.now ?? new Date();
  const [rulesRow, attendance, gradebook, defences, exceptions] = await readAll(db, [
    () => repo.findRules(stream.programmeId),
    () => repo.attendance(streamId, now),
    () => loadGradebook(db, streamId),
    () => findDefenceResults(db, streamId),
    () => repo.listActiveExceptions(streamId),
  ] as const);
  const rules = rulesOf(stream.programmeId, stream.thresholdPct, rulesRow);
  const attendanceOf = new Map(attendance.map((a) => [a.person_id, a]));
  const exceptionOf = new Map(exceptions.map((e) => [e.personId, e]));
  const required = gradebook.assignments.filter((a) => a.isRequired);

  const items = gradebook.rows.map((row): CompletionResult => {
    const missing: MissingItem[] = [];
    const a = attendanceOf.get(row.personId);
    const counted = (a?.past ?? 0) - (a?.excused ?? 0);
    const pct = counted <= 0 ? 100 : Math.round(((a?.attended ?? 0) / counted) * 1000) / 10;
    if (rules.isAttendanceRequired && pct < rules.thresholdPct) missing.push({ kind: 'attendance', pct, thresholdPct: rules.thresholdPct });

    let passed = 0;
    for (const assignment of required) {
      const cell = row.cells.find((c) => c.assignmentId === assignment.id)!;
      // Only released grades count: staff decide when a grade is final.
      const status = !cell.isSubmitted ? 'not_submitted' : !cell.isReleased || cell.isPassed === null ? 'not_graded' : cell.isPassed ? null : 'failed';
      if (status === null) passed++;
      else if (rules.isAssignmentsRequired) missing.push({ kind: 'assignment', assignmentId: assignment.id, titleRu: assignment.titleRu, titleEn: assignment.titleEn, status });
    }

    const defence = defences.get(row.personId);
    if (rules.isProjectRequired && defence?.result !== 'passed') {
      missing.push({ kind: 'project', status: !defence ? 'no_project' : defence.result === 'failed' ? 'failed' : 'pending', title: defence?.title ?? null });
    }
    const exception = exceptionOf.get(row.personId);
    return {
      personId: row.personId,
      fullName: row.fullName,
      isEligible: missing.length === 0 || exception !== undefined,
      attendancePct: pct,
      assignmentsPassed: passed,
      assignmentsRequired: required.length,
      projectResult: defence?.result ?? null,
      missing,
      exception: exception ? { reason: exception.reason, grantedBy: exception.grantedBy, at: exception.grantedAt.toISOString() } : null,
    };
  });
  return { rules, items };
}

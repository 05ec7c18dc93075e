import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { projectMembers, projects } from '../../db/schema/index.ts';

/** Anything that can run a select: the database or a transaction. */
export type CompletionExecutor = Pick<Database, 'select'>;

export type DefenceResult = 'passed' | 'failed' | 'pending';

/** The project a participant is on and how its defence went. */
export interface DefenceOutcome {
  projectId: string;
  title: string;
  result: DefenceResult;
}

/**
 * personId → the final project the participant is a member of in the stream and its defence result
 * ('pending' until the panel decides). Participants on no project are absent from the map; guests are
 * never keys. No authorization: the completion service authorizes first.
 */
export async function findDefenceResults(db: CompletionExecutor, streamId: string): Promise<Map<string, DefenceOutcome>> {
  const rows = await db
    .select({ personId: projectMembers.personId, projectId: projects.id, title: projects.title, result: projects.defenceResult })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.streamId, streamId));
  const map = new Map<string, DefenceOutcome>();
  for (const row of rows) {
    const result: DefenceResult = row.result === 'passed' || row.result === 'failed' ? row.result : 'pending';
    map.set(row.personId, { projectId: row.projectId, title: row.title, result });
  }
  return map;
}

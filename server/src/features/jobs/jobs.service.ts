import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { jobRuns } from '../../db/schema/index.ts';
import { isAdmin, type Actor } from '../../lib/access.ts';
import { AppError } from '../../lib/errors.ts';

export function createJobsService(deps: { db: Database }) {
  return {
    /** A run is visible to whoever started it and to admins; anyone else gets 404, not 403. */
    async findRun(actor: Actor, id: string) {
      const [run] = await deps.db.select().from(jobRuns).where(eq(jobRuns.id, id));
      if (!run || (!isAdmin(actor) && run.createdBy !== actor.userId)) throw new AppError('job_not_found');
      return {
        id: run.id,
        kind: run.kind,
        status: run.status as 'queued' | 'running' | 'succeeded' | 'failed',
        done: run.done,
        total: run.total,
        result: run.result ?? null,
        error: run.error,
        createdAt: run.createdAt.toISOString(),
        updatedAt: run.updatedAt.toISOString(),
      };
    },
  };
}

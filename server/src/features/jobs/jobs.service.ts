import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { jobRuns } from '../../db/schema/index.ts';
import { isAdmin, type Actor } from '../../lib/access.ts';
import { AppError } from '../../lib/errors.ts';

/** How often a waiting request looks at the run again: one primary-key read, far cheaper than a client's round trip. */
const WAIT_STEP_MS = 10;

const isFinished = (status: string) => status === 'succeeded' || status === 'failed';

export function createJobsService(deps: { db: Database }) {
  const read = async (id: string) => (await deps.db.select().from(jobRuns).where(eq(jobRuns.id, id)))[0];
  // Prepared once: a waiting request reads the status every few milliseconds, and building the query
  // each time cost more than running it.
  const statusQuery = deps.db
    .select({ status: jobRuns.status })
    .from(jobRuns)
    .where(eq(jobRuns.id, sql.placeholder('id')))
    .prepare('jobs_run_status');
  const readStatus = async (id: string) => (await statusQuery.execute({ id }))[0]?.status;

  return {
    /**
     * A run is visible to whoever started it and to admins; anyone else gets 404, not 403. With
     * `waitMs`, an unfinished run is answered as soon as it finishes, or after waitMs with its
     * progress: a client learns of the end without polling at a cadence of its own.
     */
    async findRun(actor: Actor, id: string, options: { waitMs?: number } = {}) {
      let run = await read(id);
      if (!run || (!isAdmin(actor) && run.createdBy !== actor.userId)) throw new AppError('job_not_found');
      const deadline = Date.now() + (options.waitMs ?? 0);
      if (!isFinished(run.status) && Date.now() < deadline) {
        // While waiting only the status is read (the run's input and result can be large); then the whole run once.
        let status: string | undefined = run.status;
        while (status !== undefined && !isFinished(status) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(WAIT_STEP_MS, deadline - Date.now())));
          status = await readStatus(id);
        }
        run = (await read(id)) ?? run;
      }
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

import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { JobQueue } from '../../lib/jobs.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { createDiplomaCore } from './diplomas.core.ts';
import type { IssueJobInput } from './diplomas.issue.ts';

/** The bulk issuance job's kind (also the kind a scheduled issuance waits as). */
export const ISSUE_JOB = 'diplomas-issue';

/**
 * The bulk issuance job: progress in job_runs; a retry, a rerun or a scheduled run that finds diplomas
 * already issued skips them. Registered from job-handlers.ts, so the server and the CLI both run it.
 */
export async function registerDiplomaJobs(deps: { jobs: JobQueue; db: Database; clock: Clock; secretBox: SecretBox; config: Config }): Promise<void> {
  const { issuance } = createDiplomaCore({ db: deps.db, clock: deps.clock, secretBox: deps.secretBox, publicUrl: deps.config.publicUrl });
  await deps.jobs.register<IssueJobInput>(ISSUE_JOB, async ({ runId, input, reportProgress }) => issuance.issueStream(input, runId, reportProgress));
}

import type { JobQueue } from '../../lib/jobs.ts';
import type { Issuance, IssueJobInput } from './diplomas.issue.ts';
import { ISSUE_JOB } from './diplomas.service.ts';

/** The bulk issuance job: progress in job_runs; a retry or a rerun skips diplomas already issued. */
export async function registerDiplomaJobs(jobs: JobQueue, issuance: Issuance): Promise<void> {
  await jobs.register<IssueJobInput>(ISSUE_JOB, async ({ runId, input, reportProgress }) => issuance.issueStream(input, runId, reportProgress));
}

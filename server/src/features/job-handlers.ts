import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import type { JobQueue } from '../lib/jobs.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import type { AuthService } from './auth/auth.service.ts';
import { registerImportJobs } from './imports/imports.jobs.ts';
import { registerPracticeJobs } from './practices/reminders.job.ts';
import { registerAdmissionJobs } from './admissions/decisions.job.ts';
import { registerDiplomaJobs } from './diplomas/diplomas.jobs.ts';

/** Every background job kind, registered in one place so the server and the CLI run the same workers. */
export async function registerJobHandlers(deps: { jobs: JobQueue; db: Database; config: Config; auth: AuthService; clock: Clock; secretBox: SecretBox }): Promise<void> {
  // Feature job handlers register here (imports, bulk issuance, reports).
  await registerImportJobs(deps); // people-import, municipalities-import
  await registerPracticeJobs(deps); // practice-reminders
  await registerAdmissionJobs(deps); // admission-notify
  await registerDiplomaJobs(deps); // diplomas-issue (signs with the sealed key: needs secretBox)
}

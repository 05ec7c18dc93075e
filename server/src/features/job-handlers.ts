import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { JobQueue } from '../lib/jobs.ts';

/** Every background job kind, registered in one place so the server and the CLI run the same workers. */
export async function registerJobHandlers(_deps: { jobs: JobQueue; db: Database; config: Config }): Promise<void> {
  // Feature job handlers register here (imports, bulk issuance, reports).
}

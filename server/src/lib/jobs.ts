import { eq, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import { jobRuns } from '../db/schema/index.ts';
import type { Actor } from './access.ts';
import { AppError } from './errors.ts';

/** A failure worth retrying (the database went away, a deadlock) that the run shows as a stable code. */
export class RetryableJobError extends Error {
  constructor(readonly code: string, options: { cause?: unknown } = {}) {
    super(code, options);
    this.name = 'RetryableJobError';
  }
}

export interface JobContext<TInput> {
  runId: string;
  input: TInput;
  /** Stores progress so the API and the CLI can show a bar. */
  reportProgress: (done: number, total: number) => Promise<void>;
}

export type JobHandler<TInput> = (context: JobContext<TInput>) => Promise<Record<string, unknown>>;

export interface JobQueue {
  register: <TInput extends Record<string, unknown>>(kind: string, handler: JobHandler<TInput>) => Promise<void>;
  /** Queues a run; with `startAfter` it waits until then (a run scheduled for later). Answers the run id. */
  enqueue: (kind: string, input: Record<string, unknown>, actor: Actor | null, options?: { startAfter?: Date }) => Promise<string>;
  /** Cancels a run that has not started (a scheduled one): it will not run; the run shows failed/'cancelled'. False when it already started. */
  cancel: (kind: string, runId: string) => Promise<boolean>;
  /**
   * Runs `kind` on a cron schedule (pg-boss keeps it in its `schedule` table; one run per tick however
   * many processes run). Each tick creates a job_runs row like `enqueue`, input `data`, no actor.
   * Calling it again replaces the schedule.
   */
  schedule: (kind: string, cron: string, data?: Record<string, unknown>, options?: { tz?: string }) => Promise<void>;
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Background jobs on pg-boss (same PostgreSQL), with our own job_runs row per run for progress and
 * results. pg-boss retries a failed run; handlers are written to be idempotent so a retry or a resume
 * after a crash never duplicates work.
 */
export function createJobQueue(options: { db: Database; connectionString: string; onError?: (error: Error) => void }): JobQueue {
  const boss = new PgBoss({ connectionString: options.connectionString, max: 4 });
  boss.on('error', (error) => options.onError?.(error));
  const pending: Array<() => Promise<void>> = [];
  /** Workers of this process by queue, so a job sent from here starts at once instead of at the next poll. */
  const workerIds = new Map<string, string>();
  let isStarted = false;
  const { db } = options;

  async function runForTick(kind: string, jobId: string, input: Record<string, unknown>): Promise<string> {
    await db.insert(jobRuns).values({ id: jobId, kind, input, createdBy: null }).onConflictDoNothing();
    return jobId;
  }

  async function setRun(runId: string, values: Partial<typeof jobRuns.$inferInsert>) {
    await db.update(jobRuns).set({ ...values, updatedAt: new Date() }).where(eq(jobRuns.id, runId));
  }

  return {
    async register(kind, handler) {
      const attach = async () => {
        await boss.createQueue(kind);
        const workerId = await boss.work<{ runId?: string; scheduledInput?: Record<string, unknown> }>(kind, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
          if (!job) return;
          // A cron tick carries no run: its run takes the pg-boss job's id, so a retry of the tick finds it again.
          const runId = job.data.runId ?? (await runForTick(kind, job.id, job.data.scheduledInput ?? {}));
          // Taking the run is one conditional update, the mirror of cancel's: whichever commits first wins,
          // so a run cancelled at the moment a worker picks it up never starts.
          const [run] = await db
            .update(jobRuns)
            .set({ status: 'running', error: null, updatedAt: new Date() })
            .where(sql`${jobRuns.id} = ${runId} and ${jobRuns.status} <> 'succeeded' and ${jobRuns.error} is distinct from 'cancelled'`)
            .returning();
          if (!run) return;
          try {
            const result = await handler({
              runId,
              input: run.input as never,
              reportProgress: async (done, total) => setRun(runId, { done, total }),
            });
            await setRun(runId, { status: 'succeeded', result });
          } catch (error) {
            if (error instanceof AppError) {
              // A refusal (bad file, wrong state) will not change on retry: record it and finish the job.
              await setRun(runId, { status: 'failed', error: error.code });
              return;
            }
            // Anything else may be transient (connection lost, deadlock): pg-boss retries. The message may
            // hold SQL or internals, so the run shows only a code; the whole error goes to the log.
            options.onError?.(error instanceof Error ? error : new Error(String(error)));
            await setRun(runId, { status: 'failed', error: error instanceof RetryableJobError ? error.code : 'internal' });
            throw error;
          }
        });
        workerIds.set(kind, workerId);
      };
      if (isStarted) await attach();
      else pending.push(attach);
    },
    async enqueue(kind, input, actor, enqueueOptions = {}) {
      const [run] = await db
        .insert(jobRuns)
        .values({ kind, input, createdBy: actor?.userId ?? null })
        .returning({ id: jobRuns.id });
      await boss.createQueue(kind);
      // The pg-boss job takes the run's id, so a scheduled run can be cancelled by it.
      await boss.send(kind, { runId: run!.id }, { id: run!.id, retryLimit: 2, retryDelay: 2, ...(enqueueOptions.startAfter ? { startAfter: enqueueOptions.startAfter } : {}) });
      if (enqueueOptions.startAfter && enqueueOptions.startAfter.getTime() > Date.now()) return run!.id;
      const workerId = workerIds.get(kind);
      if (workerId) boss.notifyWorker(workerId);
      return run!.id;
    },
    async cancel(kind, runId) {
      // Only a run nobody picked up yet: the conditional update decides, so a worker starting it meanwhile wins.
      const cancelled = await db
        .update(jobRuns)
        .set({ status: 'failed', error: 'cancelled', updatedAt: new Date() })
        .where(sql`${jobRuns.id} = ${runId} and ${jobRuns.kind} = ${kind} and ${jobRuns.status} = 'queued'`)
        .returning({ id: jobRuns.id });
      if (cancelled.length === 0) return false;
      await boss.cancel(kind, runId);
      return true;
    },
    async schedule(kind, cron, data = {}, scheduleOptions = {}) {
      const put = async () => {
        await boss.createQueue(kind);
        await boss.schedule(kind, cron, { scheduledInput: data }, { tz: scheduleOptions.tz ?? 'UTC', retryLimit: 2, retryDelay: 2 });
      };
      if (isStarted) await put();
      else pending.push(put);
    },
    async start() {
      await boss.start();
      isStarted = true;
      for (const attach of pending.splice(0)) await attach();
      // Runs left "running" by a process that died are re-queued by pg-boss; mark them so the UI says so.
      await db.execute(sql`update job_runs set status = 'queued' where status = 'running'`);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5_000 });
    },
  };
}

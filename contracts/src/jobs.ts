import { z } from 'zod';

export const JobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);

/** A background job's state, polled by the UI and the CLI for their progress bars. */
export const JobRunSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: JobStatusSchema,
  done: z.number().int(),
  total: z.number().int(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobRun = z.infer<typeof JobRunSchema>;

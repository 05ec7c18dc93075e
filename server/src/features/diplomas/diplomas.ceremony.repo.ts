import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { ISSUE_JOB } from './diplomas.jobs.ts';

type Executor = Pick<Database, 'execute'>;

/** The ceremony session of a stream's final module (the module with the highest number). */
export interface FinalCeremony {
  sessionId: string;
  streamId: string;
  startsAt: Date;
  organisationId: string;
  programmeId: string;
}

/** SQL of the ceremony and of scheduled issuance. */
export function createCeremonyRepo(db: Executor) {
  const finalCeremonies = sql`
    select distinct on (m.stream_id) ss.id as session_id, m.stream_id, ss.starts_at, pr.organisation_id, pr.id as programme_id
    from schedule_sessions ss join schedule_modules m on m.id = ss.module_id
    join streams s on s.id = m.stream_id join intakes i on i.id = s.intake_id join programmes pr on pr.id = i.programme_id
    where ss.kind = 'ceremony' and m.number = (select max(number) from schedule_modules where stream_id = m.stream_id)`;
  const toCeremony = (r: Record<string, unknown>): FinalCeremony => ({
    sessionId: r.session_id as string,
    streamId: r.stream_id as string,
    startsAt: new Date(r.starts_at as string),
    organisationId: r.organisation_id as string,
    programmeId: r.programme_id as string,
  });

  return {
    /** The final module's (first) ceremony session of a stream, or null. */
    async finalCeremonyOfStream(streamId: string): Promise<FinalCeremony | null> {
      const result = await db.execute<Record<string, unknown>>(sql`${finalCeremonies} and m.stream_id = ${streamId} order by m.stream_id, ss.starts_at limit 1`);
      return result.rows[0] ? toCeremony(result.rows[0]) : null;
    },
    /** The ceremony a session id names, when it is its stream's final ceremony; null otherwise. */
    async finalCeremonyBySession(sessionId: string): Promise<FinalCeremony | null> {
      const result = await db.execute<Record<string, unknown>>(sql`select * from (${finalCeremonies} order by m.stream_id, ss.starts_at) c where c.session_id = ${sessionId}`);
      return result.rows[0] ? toCeremony(result.rows[0]) : null;
    },
    /** The stream's bulk issuance run still waiting for its scheduled time, if any. */
    async scheduledIssueRun(streamId: string): Promise<{ runId: string; startAfter: string } | null> {
      const result = await db.execute<{ id: string; start_after: string }>(sql`
        select id, input->>'startAfter' as start_after from job_runs
        where kind = ${ISSUE_JOB} and input->>'streamId' = ${streamId} and input ? 'startAfter' and status = 'queued'
        order by created_at desc limit 1`);
      const row = result.rows[0];
      return row ? { runId: row.id, startAfter: row.start_after } : null;
    },
  };
}

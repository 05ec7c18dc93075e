import { performance } from 'node:perf_hooks';
import { buildAssignment, buildModule, buildVenue } from '../../server/test/factories.ts';
import { adminSession, streamWithPeople } from '../fixtures.ts';
import { report, startBenchServer } from '../harness.ts';

const PARTICIPANTS = 80;
const ASSIGNMENTS = 12;
const REQUESTS = 60;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

/** The gradebook of a stream of 80 with 12 assignments, every cell submitted and graded: one request at a time. */
export async function benchGradebook(): Promise<void> {
  const server = await startBenchServer();
  try {
    const admin = await adminSession(server);
    const streamId = await streamWithPeople(server, PARTICIPANTS);
    const { rows: [stream] } = await server.handle.pool.query<{ programme_id: string }>('select i.programme_id from streams s join intakes i on i.id = s.intake_id where s.id = $1', [streamId]);
    const venue = await buildVenue(server.handle.db, stream!.programme_id);
    const module = await buildModule(server.handle.db, streamId, venue.id);
    const { rows: [grader] } = await server.handle.pool.query<{ id: string }>("select id from users where email like 'user-%' limit 1");
    for (let i = 0; i < ASSIGNMENTS; i++) await buildAssignment(server.handle.db, module, { titleRu: `Задание ${i + 1}` });
    // Every participant submits every assignment; each is graded (set-based, one statement each).
    await server.handle.pool.query(
      `insert into submissions (assignment_id, owner_key, person_id, latest_version, last_submitted_at, is_late, grader_user_id)
       select a.id, 'person:' || e.person_id, e.person_id, 1, now(), random() < 0.1, $2 from assignments a cross join enrolments e
       where a.stream_id = $1 and e.stream_id = $1`,
      [streamId, grader!.id],
    );
    await server.handle.pool.query(
      `insert into grades (submission_id, version, grader_user_id, levels, score, is_passed, graded_at, released_at)
       select s.id, 1, $2, '{}'::jsonb, 40 + floor(random() * 60), true, now(), now() from submissions s join assignments a on a.id = s.assignment_id where a.stream_id = $1`,
      [streamId, grader!.id],
    );
    await server.handle.pool.query('analyze');
    const url = `${server.url}/api/streams/${streamId}/gradebook?pageSize=100`;
    for (let i = 0; i < 5; i++) await fetch(url, { headers: admin });
    const latencies: number[] = [];
    let cells = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      const response = await fetch(url, { headers: admin });
      const body = (await response.json()) as { items: Array<{ cells: unknown[] }> };
      latencies.push(performance.now() - t0);
      cells = body.items.reduce((sum, row) => sum + row.cells.length, 0);
    }
    const p99 = percentile(latencies, 99);
    report(`gradebook: ${PARTICIPANTS} × ${ASSIGNMENTS} (${cells} cells), p99 of ${REQUESTS}`, `${p99.toFixed(1)} ms (p50 ${percentile(latencies, 50).toFixed(1)} ms)`, '≤ 100 ms', p99 <= 100 && cells === PARTICIPANTS * ASSIGNMENTS);
  } finally {
    await server.close();
  }
}

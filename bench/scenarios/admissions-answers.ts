import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { report, BENCH_APP_SECRET, type BenchServer } from '../harness.ts';
import { buildProgrammeTree } from '../../server/test/factories.ts';
import { createSecretBox } from '../../server/src/lib/secret-box.ts';
import { hashToken } from '../../server/src/lib/tokens.ts';

const CANDIDATES = 2_000;
const QUESTIONS = 10;
const CONNECTIONS = 200;

/**
 * 2,000 candidates in the middle of the online test, each with an open attempt and a session minted
 * directly (2,000 scrypt sign-ins would measure the password hash, not the answer endpoint).
 */
async function candidates(server: BenchServer): Promise<{ campaignId: string; sessions: Array<{ applicationId: string; headers: Record<string, string> }>; questionIds: string[] }> {
  const pool = server.handle.pool;
  const tree = await buildProgrammeTree(server.handle.db);
  const tag = crypto.randomBytes(4).toString('hex');
  const { rows } = await pool.query<{ id: string }>(
    `insert into admission_campaigns (intake_id, slug, title_ru, title_en, opens_at, closes_at, is_published, test_opens_at, test_closes_at, test_duration_minutes)
     values ($1, 'bench-test-' || $2, 'Тест', 'Test', now() - interval '30 days', now() - interval '1 day', true, now() - interval '1 hour', now() + interval '1 day', 120)
     returning id`,
    [tree.intake.id, tag],
  );
  const campaignId = rows[0]!.id;
  const questions = await pool.query<{ id: string }>(
    `insert into admission_test_questions (campaign_id, position, kind, text_ru, text_en, correct)
     select $1, g, 'numeric', 'Вопрос ' || g, 'Question ' || g, jsonb_build_object('value', g, 'tolerance', 0) from generate_series(1, $2::int) g
     returning id`,
    [campaignId, QUESTIONS],
  );
  const questionIds = questions.rows.map((q) => q.id);
  const created = await pool.query<{ application_id: string; user_id: string }>(
    `with p as (
       insert into people (email, last_name, first_name, region_code)
       select 'cand-' || $2 || '-' || g || '@example.test', 'Кандидат' || g, 'Имя', 'RU-SAM' from generate_series(1, $3::int) g returning id, email),
     u as (insert into users (email, person_id, display_name) select email, id, 'Кандидат' from p returning id, person_id),
     a as (
       insert into admission_applications (campaign_id, person_id, user_id, status, region_code, is_eligible, submitted_at)
       select $1, u.person_id, u.id, 'submitted', 'RU-SAM', true, now() - interval '2 days' from u returning id, user_id)
     select a.id as application_id, a.user_id from a`,
    [campaignId, tag, CANDIDATES],
  );
  await pool.query(
    `insert into admission_test_attempts (application_id, question_order, started_at, deadline_at)
     select a.id, $2::jsonb, now(), now() + interval '1 hour' from admission_applications a where a.campaign_id = $1`,
    [campaignId, JSON.stringify(questionIds)],
  );
  const box = createSecretBox(BENCH_APP_SECRET);
  const sessions = created.rows.map((r) => ({ ...r, token: crypto.randomBytes(32).toString('base64url') }));
  await pool.query(
    `insert into sessions (id, user_id, expires_at) select unnest($1::text[]), unnest($2::uuid[]), now() + interval '1 day'`,
    [sessions.map((s) => hashToken(s.token)), sessions.map((s) => s.user_id)],
  );
  return {
    campaignId,
    questionIds,
    sessions: sessions.map((s) => ({
      applicationId: s.application_id,
      headers: { cookie: `ms_session=${s.token}`, 'x-csrf-token': box.sign(`csrf:${hashToken(s.token)}`), 'content-type': 'application/json' },
    })),
  };
}

/** The load client: N loops, each taking the next answer to send; latency per request. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, jobs, connections } = workerData;
const latencies = [];
let failed = 0;
let next = 0;
async function loop() {
  while (next < jobs.length) {
    const job = jobs[next++];
    const started = performance.now();
    const response = await fetch(url + '/api/me/applications/' + job.applicationId + '/test/answers/' + job.questionId, { method: 'PUT', headers: job.headers, body: JSON.stringify({ answer: job.answer }) });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status !== 200) failed += 1;
  }
}
Promise.all(Array.from({ length: connections }, loop)).then(() => parentPort.postMessage({ latencies, failed }));
`;

/** 200 connections answering for 2,000 candidates (every question once); p99 and a count of the saved answers. */
export async function benchTestAnswers(server: BenchServer): Promise<void> {
  const { campaignId, sessions, questionIds } = await candidates(server);
  const jobs = sessions.flatMap((s) => questionIds.map((questionId, i) => ({ ...s, questionId, answer: i })));
  // The client runs in a worker thread, so that it does not take the server's thread (as in harness.load).
  const worker = new Worker(CLIENT, { eval: true, workerData: { url: server.url, jobs, connections: CONNECTIONS } });
  const started = performance.now();
  const { latencies, failed } = await new Promise<{ latencies: number[]; failed: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.floor(latencies.length * 0.99)]!;
  const { rows } = await server.handle.pool.query<{ n: number }>(
    `select count(*)::int as n from admission_test_answers x join admission_test_attempts t on t.id = x.attempt_id
     join admission_applications a on a.id = t.application_id where a.campaign_id = $1`,
    [campaignId],
  );
  report(
    'answers: 2,000 candidates, 200 concurrent connections',
    `p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, ${(jobs.length / seconds).toFixed(0)} req/s`,
    'p99 ≤ 100 ms',
    p99 <= 100 && failed === 0,
  );
  report('answers saved after the run (counted in the database)', `${rows[0]!.n} of ${jobs.length}, ${failed} refused`, 'none lost', rows[0]!.n === jobs.length && failed === 0);
}

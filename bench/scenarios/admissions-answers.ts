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
  // A bank without blocks: each attempt is one open block holding every question, as the start makes it.
  await pool.query(
    `insert into admission_test_attempt_blocks (attempt_id, position, time_limit_minutes, question_order, started_at, deadline_at)
     select t.id, 0, 60, t.question_order, t.started_at, t.deadline_at
     from admission_test_attempts t join admission_applications a on a.id = t.application_id where a.campaign_id = $1`,
    [campaignId],
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

/**
 * The load client: N keep-alive connections, each sending the next request of the list; latency per
 * request, in completion order. node:http, not fetch: on this 2-core machine fetch's WHATWG streams cost
 * the client about as much CPU as the server spent answering, which measured the client as much as the
 * endpoint.
 */
const CLIENT = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, connections } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
function send(job) {
  return new Promise((resolve, reject) => {
    const headers = job.body === undefined ? job.headers : { ...job.headers, 'content-length': Buffer.byteLength(job.body) };
    const request = http.request({ agent, host: target.hostname, port: target.port, method: job.method, path: job.path, headers }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(job.body);
  });
}
parentPort.on('message', async (requests) => {
  const latencies = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  async function loop() {
    while (next < requests.length) {
      const job = requests[next++];
      const sent = performance.now();
      const status = await send(job).catch(() => 0);
      latencies.push(performance.now() - sent);
      if (status !== 200) failed += 1;
    }
  }
  await Promise.all(Array.from({ length: connections }, loop));
  parentPort.postMessage({ latencies, failed, seconds: (performance.now() - started) / 1000 });
});
`;

interface Job {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Run {
  p50: number;
  p99: number;
  rps: number;
  failed: number;
  /** CPU of this process (server and client thread) per request: steadier than latency on a shared machine. */
  cpuMs: number;
}

/**
 * One load client for the whole scenario, in a worker thread (off the server's thread, as harness.load
 * does), keeping its connections open from one phase to the next as browsers do.
 */
function startClient(server: BenchServer) {
  const worker = new Worker(CLIENT, { eval: true, workerData: { url: server.url, connections: CONNECTIONS } });
  return {
    async drive(requests: Job[]): Promise<Run> {
      const result = new Promise<{ latencies: number[]; failed: number; seconds: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      const cpu = process.cpuUsage();
      worker.postMessage(requests);
      const { latencies, failed, seconds } = await result;
      const used = process.cpuUsage(cpu);
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!;
      return { p50: at(0.5), p99: at(0.99), rps: requests.length / seconds, failed, cpuMs: (used.user + used.system) / 1000 / requests.length };
    },
    close: () => worker.terminate(),
  };
}

const line = (run: Run) => `p50 ${run.p50.toFixed(0)} ms, p99 ${run.p99.toFixed(0)} ms, ${run.rps.toFixed(0)} req/s, ${run.cpuMs.toFixed(2)} ms CPU/req incl. client`;

/**
 * 2,000 candidates answering at once over 200 connections: p99 of the answer endpoint, and every answer
 * counted in the database afterwards, with the value that was sent.
 */
export async function benchTestAnswers(server: BenchServer): Promise<void> {
  const { campaignId, sessions, questionIds } = await candidates(server);
  const client = startClient(server);
  try {
    // The floor on this machine now: the same client and connections, an endpoint that does nothing.
    const floor = await client.drive(Array.from({ length: CANDIDATES * QUESTIONS }, () => ({ method: 'GET', path: '/healthz', headers: {} })));
    report('baseline: GET /healthz, same client and connections', line(floor), 'measured', floor.failed === 0);
    // As in the browser, each candidate has the test page open (which loads their questions) before answering.
    const opened = await client.drive(sessions.map((s) => ({ method: 'GET', path: `/api/me/applications/${s.applicationId}/test`, headers: s.headers })));
    report('open the test page: 2,000 candidates, 200 connections', line(opened), 'measured', opened.failed === 0);
    // Question by question across all candidates: each candidate answers one question after another, as
    // the test page does, while 200 of the 2,000 are mid-request at any moment. (Candidate by candidate
    // would have every candidate send all ten answers at the same instant, which no browser does.)
    const answers = questionIds.flatMap((questionId, i) =>
      sessions.map((s) => ({ method: 'PUT', path: `/api/me/applications/${s.applicationId}/test/answers/${questionId}`, headers: s.headers, body: JSON.stringify({ answer: i }) })),
    );
    const run = await client.drive(answers);
    report('answers: 2,000 candidates, 200 concurrent connections', line(run), 'p99 ≤ 100 ms', run.p99 <= 100 && run.failed === 0);
    // Saved means in the table with the value sent (question i was answered i), counted after the run.
    const { rows } = await server.handle.pool.query<{ n: number }>(
      `select count(*)::int as n from admission_test_answers x join admission_test_attempts t on t.id = x.attempt_id
       join admission_applications a on a.id = t.application_id
       join unnest($2::uuid[]) with ordinality as sent(question_id, position) on sent.question_id = x.question_id
       where a.campaign_id = $1 and x.answer = to_jsonb(sent.position - 1)`,
      [campaignId, questionIds],
    );
    const saved = rows[0]!.n;
    report('answers saved after the run (counted in the database)', `${saved} of ${answers.length}, ${run.failed} refused`, 'none lost', saved === answers.length && run.failed === 0);
  } finally {
    await client.close();
  }
}

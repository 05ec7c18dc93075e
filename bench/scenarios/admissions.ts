import { report, startBenchServer, type BenchServer } from '../harness.ts';
import { adminSession } from '../fixtures.ts';
import { buildProgrammeTree } from '../../server/test/factories.ts';
import { benchTestAnswers } from './admissions-answers.ts';

const APPLICATIONS = 250_000;
const CONFIG = { weights: { test: 50, expert: 40, interview: 10 }, targetTotal: 300, reserveSize: 100, defaultCap: 8, defaultFloor: 1 };
const PROPOSED = { ...CONFIG, defaultCap: 5, weights: { test: 30, expert: 60, interview: 10 } };

/** A campaign of 250,000 submitted, eligible applications over every region, with stage scores, written set-based. */
async function bigCampaign(server: BenchServer): Promise<string> {
  const tree = await buildProgrammeTree(server.handle.db);
  const { rows } = await server.handle.pool.query<{ id: string }>(
    `insert into admission_campaigns (intake_id, slug, title_ru, title_en, opens_at, closes_at, is_published)
     values ($1, 'bench-' || substr(md5(random()::text), 1, 8), 'Конкурс', 'Competition', now() - interval '30 days', now() - interval '1 day', true)
     returning id`,
    [tree.intake.id],
  );
  const campaignId = rows[0]!.id;
  // Deterministic scores from the row number, so every run ranks the same data.
  await server.handle.pool.query(
    `with regions_numbered as (select code, row_number() over (order by code) - 1 as n, count(*) over () as total from regions),
     inserted as (
       insert into people (email, last_name, first_name, birth_date, region_code)
       select 'adm-' || $2::text || '-' || g || '@example.test', 'Фамилия' || g, 'Имя', date '1970-01-01' + (g % 9000), r.code
       from generate_series(1, $1::int) g join regions_numbered r on r.n = g % r.total
       returning id, region_code, birth_date)
     insert into admission_applications (campaign_id, person_id, status, region_code, birth_date, is_eligible, submitted_at, test_score, expert_score, interview_score)
     select $3, id, 'submitted', region_code, birth_date, true, now() - (abs(hashtext(id::text)) % 1000) * interval '1 minute',
            abs(hashtext(id::text || 't')) % 101, abs(hashtext(id::text || 'e')) % 101, abs(hashtext(id::text || 'i')) % 101
     from inserted`,
    [APPLICATIONS, campaignId.slice(0, 8), campaignId],
  );
  await server.handle.pool.query('analyze admission_applications');
  return campaignId;
}

/**
 * Every applicant sat the online test (5 questions, about 4 answers each) and nobody pressed "finish":
 * the staff's set-based scoring of all expired attempts.
 */
async function benchTestScoring(server: BenchServer, headers: Record<string, string>, campaignId: string): Promise<void> {
  const seedStarted = performance.now();
  const pool = server.handle.pool;
  await pool.query(
    `insert into admission_test_questions (campaign_id, position, kind, text_ru, text_en, options, correct, points)
     select $1, g, case when g = 4 then 'numeric' else 'single' end, 'Вопрос ' || g, 'Question ' || g,
            case when g = 4 then '[]'::jsonb else '[{"key":"a","textRu":"А","textEn":"A"},{"key":"b","textRu":"Б","textEn":"B"}]'::jsonb end,
            case when g = 4 then '{"value": 3, "tolerance": 0}'::jsonb else '["a"]'::jsonb end, 1 + g % 2
     from generate_series(0, 4) g`,
    [campaignId],
  );
  await pool.query(
    `insert into admission_test_attempts (application_id, question_order, started_at, deadline_at)
     select a.id, (select jsonb_agg(q.id order by q.position) from admission_test_questions q where q.campaign_id = $1), now() - interval '2 hours', now() - interval '1 hour'
     from admission_applications a where a.campaign_id = $1`,
    [campaignId],
  );
  await pool.query(
    `insert into admission_test_answers (attempt_id, question_id, answer, answered_at)
     select t.id, q.id,
            case when q.kind = 'numeric' then to_jsonb(abs(hashtext(t.id::text || q.id::text)) % 5)
                 when abs(hashtext(t.id::text || q.id::text)) % 3 = 0 then '["b"]'::jsonb else '["a"]'::jsonb end,
            now() - interval '90 minutes'
     from admission_test_attempts t join admission_applications a on a.id = t.application_id
     join admission_test_questions q on q.campaign_id = a.campaign_id
     where a.campaign_id = $1 and abs(hashtext(q.id::text || t.id::text)) % 5 <> 0`,
    [campaignId],
  );
  await pool.query('analyze admission_test_attempts; analyze admission_test_answers');
  report('seed 250,000 attempts and their answers', `${((performance.now() - seedStarted) / 1000).toFixed(1)} s`, 'measured', true);
  const started = performance.now();
  const response = await fetch(`${server.url}/api/admissions/campaigns/${campaignId}/test/score`, { method: 'POST', headers });
  const body = (await response.json()) as { scored: number };
  const ms = performance.now() - started;
  report('score the online test of 250k (one set-based statement)', `${(ms / 1000).toFixed(1)} s, ${body.scored} attempts`, '≤ 30 s', response.status === 200 && body.scored === 250_000 && ms <= 30_000);
}

/** The staff's list of the campaign's 250k applications: a page, a far page, a region, and a name search. */
async function benchApplicationList(server: BenchServer, headers: Record<string, string>, campaignId: string): Promise<void> {
  const base = `${server.url}/api/admissions/campaigns/${campaignId}/applications`;
  const cases: Array<[string, string]> = [
    ['first page', `${base}?page=1`],
    ['page 500', `${base}?page=500`],
    ['one region', `${base}?page=1&region=RU-PER`],
    ['name search', `${base}?page=1&q=${encodeURIComponent('Фамилия12345')}`],
    ['e-mail search', `${base}?page=1&q=${encodeURIComponent('-123456@')}`],
  ];
  for (const [label, url] of cases) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      status = response.status;
      if (i > 0) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    report(`staff list of 250k applications: ${label} (median of 5)`, `${times[2]!.toFixed(0)} ms`, 'measured', status === 200);
  }
}

async function timed(url: string, headers: Record<string, string>, body: unknown): Promise<{ ms: number; json: Record<string, unknown>; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as Record<string, unknown>;
  return { ms: performance.now() - started, json, status: response.status };
}

/** Ranking with caps, floors and the reserve list over 250,000 applications; what-if; commit; the funnel; peak memory. */
export async function benchAdmissions(): Promise<void> {
  const server = await startBenchServer();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  try {
    const headers = await adminSession(server);
    const seedStarted = performance.now();
    const campaignId = await bigCampaign(server);
    report('seed 250,000 applications (INSERT … SELECT)', `${((performance.now() - seedStarted) / 1000).toFixed(1)} s`, 'measured', true);
    const base = `${server.url}/api/admissions/campaigns/${campaignId}/ranking`;
    // Warm-up: JIT and the pool.
    await timed(`${base}/preview`, headers, { config: CONFIG });
    const preview = await timed(`${base}/preview`, headers, { config: CONFIG });
    const summary = preview.json.summary as { candidates: number; admitted: number; reserve: number };
    report('ranking preview, 250k (caps, floors, reserve)', `${(preview.ms / 1000).toFixed(2)} s, ${summary.candidates} → ${summary.admitted} + ${summary.reserve}`, '≤ 5 s', preview.status === 200 && preview.ms <= 5000);
    const whatIf = await timed(`${base}/what-if`, headers, { current: CONFIG, proposed: PROPOSED });
    report(
      'what-if recompute, 250k (two configurations)',
      `${(whatIf.ms / 1000).toFixed(2)} s, in ${(whatIf.json.movedIn as unknown[]).length} / out ${(whatIf.json.movedOut as unknown[]).length}`,
      '≤ 5 s',
      whatIf.status === 200 && whatIf.ms <= 5000,
    );
    const commit = await timed(`${base}/commit`, headers, { config: CONFIG, reason: 'bench' });
    report('commit decisions, 250k rows (one UPDATE … FROM unnest)', `${(commit.ms / 1000).toFixed(2)} s`, 'measured', commit.status === 200);
    // The funnel: one grouped pass over the campaign (warm-up first, as for the ranking).
    const funnelUrl = `${server.url}/api/admissions/campaigns/${campaignId}/funnel?testPassMark=50`;
    await fetch(funnelUrl, { headers });
    const funnelStarted = performance.now();
    const funnelResponse = await fetch(funnelUrl, { headers });
    const funnel = (await funnelResponse.json()) as { total: { applications: number; testPassed: number; admitted: number } };
    const funnelMs = performance.now() - funnelStarted;
    report(
      'funnel report, 250k (by region and federal district)',
      `${funnelMs.toFixed(0)} ms, ${funnel.total.applications} → ${funnel.total.testPassed} → ${funnel.total.admitted}`,
      '≤ 1 s',
      funnelResponse.status === 200 && funnelMs <= 1000,
    );
    await benchApplicationList(server, headers, campaignId);
    await benchTestScoring(server, headers, campaignId);
    await benchTestAnswers(server);
    report('peak RSS of the process (server + bench client)', `${(peakRss / 1024 / 1024).toFixed(0)} MB`, '< 1024 MB', peakRss < 1024 * 1024 * 1024);
  } finally {
    clearInterval(sampler);
    await server.close();
  }
}

import { report, startBenchServer, type BenchServer } from '../harness.ts';
import { adminSession } from '../fixtures.ts';
import { buildProgrammeTree } from '../../server/test/factories.ts';

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

async function timed(url: string, headers: Record<string, string>, body: unknown): Promise<{ ms: number; json: Record<string, unknown>; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as Record<string, unknown>;
  return { ms: performance.now() - started, json, status: response.status };
}

/** Ranking with caps, floors and the reserve list over 250,000 applications; what-if; commit; peak memory. */
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
    report('peak RSS of the process (server + bench client)', `${(peakRss / 1024 / 1024).toFixed(0)} MB`, '< 1024 MB', peakRss < 1024 * 1024 * 1024);
  } finally {
    clearInterval(sampler);
    await server.close();
  }
}

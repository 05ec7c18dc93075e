import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { report, startBenchServer, withClient } from '../harness.ts';
import { adminSession } from '../fixtures.ts';
import { buildProgrammeTree } from '../../server/test/factories.ts';

const ROWS = 250_000;
const HEADER = [
  'Фамилия', 'Имя', 'Отчество', 'E-mail', 'Дата рождения', 'Телефон', 'Регион', 'Должность', 'Образование',
  'Стаж на руководящих должностях', 'Вид службы', 'Стаж службы', 'Балл за тест', 'Экспертная оценка', 'Собеседование', 'Статус',
];
const EDUCATION = ['bachelor', 'master', 'doctorate', 'vocational'];
const SERVICE = ['municipal', 'state', 'none'];

/**
 * Row i of a deterministic applications file over every region: the applicant, answers and scores.
 * Rows are made on demand, never held all at once: the bench shares its process (and memory) with the server.
 */
function applicationRow(i: number, regions: string[]): string[] {
  return [
    `Фамилия${i}`, `Имя${i % 211}`, 'Отчество', `app${i}@bench.example`, `19${60 + (i % 38)}-0${(i % 9) + 1}-1${i % 10}`,
    `+7 900 ${String(i).padStart(7, '0')}`, regions[i % regions.length]!, 'Глава муниципального образования', EDUCATION[i % 4]!,
    String(i % 25), SERVICE[i % 3]!, String(i % 30), String(i % 101), String((i * 7) % 101), String((i * 13) % 101), i % 50 === 0 ? 'nominated' : '',
  ];
}

/** The rows 1..ROWS, each turned into one line of text by `line`. */
function* linesOf(regions: string[], line: (row: string[], i: number) => string): Generator<string> {
  for (let i = 1; i <= ROWS; i += 10_000) {
    let chunk = '';
    for (let j = i; j < Math.min(i + 10_000, ROWS + 1); j++) chunk += `${line(applicationRow(j, regions), j)}\n`;
    yield chunk;
  }
}

const BOUNDARY = '----msbench';

/**
 * The upload's multipart body, written to a temporary file chunk by chunk: the bench shares its process
 * with the server, and a 55 MB file held in memory (as text, bytes and body) would count as the server's.
 */
async function writeMultipartFile(fileName: string, regions: string[]): Promise<string> {
  const file = path.join(await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ms-bench-upload-')), 'body');
  const parts = (function* () {
    yield `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${HEADER.join(';')}\n`;
    yield* linesOf(regions, (r) => r.join(';'));
    yield `\r\n--${BOUNDARY}--\r\n`;
  })();
  await pipeline(Readable.from(parts), fs.createWriteStream(file));
  return file;
}

/** POSTs a body streamed from a file; answers the status and the parsed JSON reply. */
function postFile(url: string, headers: Record<string, string>, file: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { ...headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': fs.statSync(file).size } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    fs.createReadStream(file).pipe(request);
  });
}

/**
 * The kernel's peak resident set size of this process (VmHWM), reset to the current size first when
 * `reset`: unlike a timer sampling process.memoryUsage(), it sees every moment, also those inside
 * long synchronous work (parsing, checking) during which a timer on this thread cannot fire.
 * Null where /proc is not there (not Linux).
 */
function peakRss(reset = false): number | null {
  try {
    if (reset) fs.writeFileSync('/proc/self/clear_refs', '5');
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/**
 * 250,000 applications of a campaign run elsewhere, from CSV through the API (upload and dry run,
 * commit, job), against COPY of the same rows into tables shaped like the two the import fills
 * (people and admission_applications, with their indexes), in the same run. The process's peak
 * memory is printed too: the bench server runs in this process, so the client streams its upload from a
 * temporary file, and the peak (the kernel's high-water mark of RSS, reset just before the upload and
 * read when the job has succeeded) stops before the COPY baseline builds its text.
 */
export async function benchApplicationsImport(): Promise<void> {
  const server = await startBenchServer();
  let sampledPeak = 0;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 100);
  try {
    const headers = await adminSession(server);
    const tree = await buildProgrammeTree(server.handle.db);
    const { rows: campaigns } = await server.handle.pool.query<{ id: string }>(
      `insert into admission_campaigns (intake_id, slug, title_ru, title_en, opens_at, closes_at, is_published)
       values ($1, 'bench-import', 'Конкурс', 'Competition', now() - interval '30 days', now() - interval '1 day', true) returning id`,
      [tree.intake.id],
    );
    const campaignId = campaigns[0]!.id;
    const regions = (await server.handle.pool.query<{ code: string }>('select code from regions order by code')).rows.map((r) => r.code);
    const bodyFile = await writeMultipartFile('applications.csv', regions);

    // Both measures start here: the server's setup before the upload is not the import's memory.
    peakRss(true);
    sampledPeak = 0;
    const started = performance.now();
    const uploaded = await postFile(`${server.url}/api/admissions/campaigns/${campaignId}/imports`, headers, bodyFile);
    await fs.promises.rm(path.dirname(bodyFile), { recursive: true, force: true });
    const check = uploaded.json as { uploadId: string; errorCount: number; rowCount: number };
    if (uploaded.status !== 201 || check.errorCount !== 0) throw new Error(`the benchmark file was refused: ${JSON.stringify(check).slice(0, 300)}`);
    const committed = await fetch(`${server.url}/api/imports/${check.uploadId}/commit`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    const { jobId } = (await committed.json()) as { jobId: string };
    const checkedAt = performance.now();
    let run = { status: 'queued', error: null as string | null, result: null as Record<string, unknown> | null };
    while (run.status !== 'succeeded') {
      run = (await (await fetch(`${server.url}/api/jobs/${jobId}`, { headers })).json()) as typeof run;
      if (run.status === 'failed') throw new Error(`import failed: ${run.error}`);
      if (run.status !== 'succeeded') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const apiSeconds = (performance.now() - started) / 1000;
    const jobSeconds = (performance.now() - checkedAt) / 1000;
    if (run.result?.created !== ROWS) throw new Error(`expected ${ROWS} applications, the job says ${JSON.stringify(run.result)}`);
    // The COPY baseline below builds its own text in this process: it is not the server's memory.
    clearInterval(sampler);
    const peak = peakRss() ?? sampledPeak;

    // Baseline: COPY of the same rows into tables of the same shape, same server, same run.
    const copySeconds = await withClient(server.databaseUrl, async (client) => {
      await client.query('create table bench_app_people (like people including all)');
      await client.query('create table bench_applications (like admission_applications including all)');
      const peopleText = [...linesOf(regions, (r) => [r[3], r[0], r[1], r[2], r[4], r[5], r[6], r[7]].join('\t'))];
      const applicationsText = [
        ...linesOf(regions, (r, i) =>
          [campaignId, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, 'submitted', r[6], r[4], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14]].join('\t'),
        ),
      ];
      const t0 = performance.now();
      await client.query('begin');
      await pipeline(Readable.from(peopleText), client.query(copyFrom('copy bench_app_people (email, last_name, first_name, middle_name, birth_date, phone, region_code, position) from stdin')));
      await pipeline(
        Readable.from(applicationsText),
        client.query(copyFrom('copy bench_applications (campaign_id, person_id, status, region_code, birth_date, position, education, management_years, service_kind, service_years, test_score, expert_score, interview_score) from stdin')),
      );
      await client.query('commit');
      return (performance.now() - t0) / 1000;
    });
    const ratio = apiSeconds / copySeconds;
    report(
      'import 250,000 applications from CSV, end to end',
      `${apiSeconds.toFixed(1)} s (upload and check ${(apiSeconds - jobSeconds).toFixed(1)} s, job ${jobSeconds.toFixed(1)} s)`,
      '≤ 60 s',
      apiSeconds <= 60,
    );
    report('  … against COPY of the same rows', `${ratio.toFixed(1)}× (COPY ${copySeconds.toFixed(2)} s)`, '≤ 5×', ratio <= 5);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    report('  … peak RSS of the process over upload, check and job (server)', `${mb(peak)} (100 ms samples: ${mb(sampledPeak)})`, '< 1 GB', peak < 1024 ** 3);
  } finally {
    clearInterval(sampler);
    await server.close();
  }
}

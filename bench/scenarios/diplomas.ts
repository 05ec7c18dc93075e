import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { adminSession, streamWithPeople } from '../fixtures.ts';
import { report, startBenchServer, type BenchServer } from '../harness.ts';
import { createDocumentLoader } from '../../server/src/features/diplomas/diplomas.contexts.ts';
import { didKeyFor, verificationMethodFor } from '../../server/src/features/diplomas/diplomas.did.ts';
import { importSigningKey, signCredential } from '../../server/src/features/diplomas/diplomas.sign.ts';

/** Diplomas in the bulk run: the target is 10,000; BENCH_DIPLOMAS=500 gives a quick look (the verdict then extrapolates). */
const DIPLOMAS = Number(process.env.BENCH_DIPLOMAS ?? 10_000);
const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** The stream's participants all decided eligible by hand (set-based), so the job issues to everyone. */
async function eligibleStream(server: BenchServer, size: number): Promise<string> {
  const streamId = await streamWithPeople(server, size);
  await server.handle.pool.query(
    `insert into diploma_eligibility_overrides (stream_id, person_id, is_eligible, reason, decided_at)
     select stream_id, person_id, true, 'bench', now() from enrolments where stream_id = $1`,
    [streamId],
  );
  return streamId;
}

async function waitForRun(server: BenchServer, runId: string): Promise<{ status: string; result: Record<string, unknown> | null }> {
  for (;;) {
    const { rows } = await server.handle.pool.query<{ status: string; result: Record<string, unknown> | null }>('select status, result from job_runs where id = $1', [runId]);
    if (rows[0] && (rows[0].status === 'succeeded' || rows[0].status === 'failed')) return rows[0];
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The library alone, in this process: vc.issue with eddsa-rdfc-2022 on a diploma-sized credential, and the bare Ed25519 sign. */
async function librarySignCosts(credential: Record<string, unknown>): Promise<{ issueMs: number; bareMs: number }> {
  const pair = await Ed25519Multikey.generate();
  const did = didKeyFor(pair.publicKeyMultibase);
  const key = await importSigningKey(pair.publicKeyMultibase, pair.secretKeyMultibase, verificationMethodFor(pair.publicKeyMultibase), did);
  const documentLoader = createDocumentLoader();
  const { proof: _proof, ...unsigned } = credential;
  const input = { ...unsigned, issuer: { ...(unsigned.issuer as object), id: did } };
  for (let i = 0; i < 10; i += 1) await signCredential({ credential: input, key, documentLoader, now: new Date() });
  let started = performance.now();
  for (let i = 0; i < 100; i += 1) await signCredential({ credential: input, key, documentLoader, now: new Date() });
  const issueMs = (performance.now() - started) / 100;
  const signer = key.signer();
  const data = new Uint8Array(64);
  started = performance.now();
  for (let i = 0; i < 2_000; i += 1) await signer.sign({ data });
  return { issueMs, bareMs: (performance.now() - started) / 2_000 };
}

/** Each distinct credential verified once, never seen before by the server's memo: the cold rate. */
async function coldVerifications(server: BenchServer, ids: string[], concurrency: number): Promise<number> {
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_v, worker) => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const response = await fetch(`${server.url}/api/public/diplomas/${id}`, { headers: { 'x-forwarded-for': `10.1.${worker}.${next % 250}` } });
        if (response.status !== 200) failures += 1;
        await response.arrayBuffer();
      }
    }),
  );
  if (failures > 0) throw new Error(`${failures} cold verifications failed`);
  return ids.length / ((performance.now() - started) / 1000);
}

/**
 * Verifications once the server has seen the credentials (the memo of proof results answers): the
 * requests cycle over distinct diplomas and distinct client addresses (the per-address limit is 300 a
 * minute, as for real verifiers spread over the internet).
 */
async function warmVerifications(server: BenchServer, ids: string[]): Promise<{ rps: number; non2xx: number; p99: number }> {
  const requests = ids.map((id, i) => ({ method: 'GET' as const, path: `/api/public/diplomas/${id}`, headers: { 'x-forwarded-for': `10.2.${Math.floor(i / 250)}.${i % 250}` } }));
  const result = await autocannon({ url: server.url, connections: 16, duration: 6, requests, workers: 1 });
  return { rps: result.requests.average, non2xx: result.non2xx, p99: result.latency.p99 };
}

/** The JS a browser loads for /verify/$id: the entry, the lazy chunks of its routes (layout, page) and their static imports. */
export async function verifyPageJavaScript(dist = WEB_DIST): Promise<{ gzipBytes: number; files: string[] } | null> {
  const html = await fs.readFile(path.join(dist, 'index.html'), 'utf8').catch(() => null);
  if (!html) return null;
  const assets = await fs.readdir(path.join(dist, 'assets'));
  const entry = /<script[^>]+type="module"[^>]+src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) return null;
  const routeChunks = ['PublicLayout-', 'VerifyPage-'].map((prefix) => assets.find((f) => f.startsWith(prefix) && f.endsWith('.js'))).filter((f): f is string => f !== undefined);
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await fs.readFile(path.join(dist, 'assets', file), 'utf8');
    // Static imports only (`import{…}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`); `import("./x.js")` is another route's.
    for (const match of code.matchAll(/\b(?:import|export)\s*(?:\{[^}]*\}|\*\s*as\s*[\w$]+|[\w$]+)?\s*(?:from\s*)?["']\.\/([\w.-]+\.js)["']/g)) await visit(match[1]!);
  };
  for (const file of [entry, ...routeChunks]) await visit(file);
  let gzipBytes = 0;
  for (const file of seen) gzipBytes += zlib.gzipSync(await fs.readFile(path.join(dist, 'assets', file))).length;
  return { gzipBytes, files: [...seen] };
}

/** Bulk issuance (credential + PDF), per-credential cost against the library, verification rates, and the verify page's JS. */
export async function benchDiplomas(): Promise<void> {
  const js = await verifyPageJavaScript();
  if (js) report('diplomas: JS loaded by /verify/$id (gzip, web/dist)', `${(js.gzipBytes / 1024).toFixed(1)} KB in ${js.files.length} files`, '≤ 250 KB', js.gzipBytes <= 250 * 1024);
  else report('diplomas: JS loaded by /verify/$id (gzip, web/dist)', 'web/dist missing: npm run build -w web', '≤ 250 KB', false);

  const server = await startBenchServer();
  try {
    const headers = await adminSession(server);
    const streamId = await eligibleStream(server, DIPLOMAS);

    let started = performance.now();
    const response = await fetch(`${server.url}/api/streams/${streamId}/diplomas/issue`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    const { jobId } = (await response.json()) as { jobId: string };
    const run = await waitForRun(server, jobId);
    const issueSeconds = (performance.now() - started) / 1000;
    if (run.status !== 'succeeded' || run.result?.issued !== DIPLOMAS) throw new Error(`issuance run ${run.status}: ${JSON.stringify(run.result)}`);

    // Every PDF, rendered as the stream's ZIP streams out (the same code as a holder's download).
    started = performance.now();
    const zip = await fetch(`${server.url}/api/streams/${streamId}/diplomas/zip`, { headers });
    const zipBytes = (await zip.arrayBuffer()).byteLength;
    const pdfSeconds = (performance.now() - started) / 1000;
    const total = issueSeconds + pdfSeconds;
    const scale = 10_000 / DIPLOMAS;
    const label = DIPLOMAS === 10_000 ? '10,000' : `${DIPLOMAS.toLocaleString('en')} (×${scale.toFixed(0)} for 10,000)`;
    report(`diplomas: bulk issue ${label}: credentials`, `${issueSeconds.toFixed(1)} s (${((issueSeconds * 1000) / DIPLOMAS).toFixed(1)} ms each)`, 'reported', true);
    report(`diplomas: bulk issue ${label}: PDFs (ZIP, ${(zipBytes / 1e6).toFixed(0)} MB)`, `${pdfSeconds.toFixed(1)} s (${((pdfSeconds * 1000) / DIPLOMAS).toFixed(1)} ms each)`, 'reported', true);
    report('diplomas: bulk issue 10,000 (credential + PDF)', `${(total * scale).toFixed(0)} s${scale === 1 ? '' : ' (extrapolated)'}`, '≤ 120 s', total * scale <= 120);

    const { rows } = await server.handle.pool.query<{ id: string; credential: Record<string, unknown> }>('select id, credential from diplomas where stream_id = $1 order by registry_number', [streamId]);
    const library = await librarySignCosts(rows[0]!.credential);
    report('diplomas: per credential: job / library vc.issue / bare Ed25519', `${((issueSeconds * 1000) / DIPLOMAS).toFixed(1)} / ${library.issueMs.toFixed(1)} / ${library.bareMs.toFixed(2)} ms`, 'reported', true);

    const ids = rows.map((r) => r.id);
    const coldIds = ids.slice(0, Math.min(ids.length, 400));
    const cold = await coldVerifications(server, coldIds, 8);
    report(`diplomas: verify by id, cold (${coldIds.length} distinct, first time)`, `${cold.toFixed(0)} /s`, '≥ 200 /s', cold >= 200);
    const warm = await warmVerifications(server, coldIds);
    report(`diplomas: verify by id, seen before (${coldIds.length} distinct)`, `${warm.rps.toFixed(0)} /s, p99 ${warm.p99} ms, non-2xx ${warm.non2xx}`, '≥ 200 /s', warm.rps >= 200 && warm.non2xx === 0);
  } finally {
    await server.close();
  }
}

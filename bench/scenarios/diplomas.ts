import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { adminSession, streamWithPeople } from '../fixtures.ts';
import { BENCH_APP_SECRET, report, startBenchServer, type BenchServer } from '../harness.ts';
import { createSecretBox } from '../../server/src/lib/secret-box.ts';
import { createDocumentLoader } from '../../server/src/features/diplomas/diplomas.contexts.ts';
import { createDiplomaCore } from '../../server/src/features/diplomas/diplomas.core.ts';
import { createDiplomasRepo } from '../../server/src/features/diplomas/diplomas.repo.ts';
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

/**
 * Signing costs in this process on a diploma-sized credential: the platform's signCredential (memoised
 * canonicalization, cached key object), the unmodified library (vc.issue with the stock
 * eddsa-rdfc-2022 cryptosuite and the key's own signer), and the bare Ed25519 sign of that signer.
 */
async function librarySignCosts(credential: Record<string, unknown>): Promise<{ oursMs: number; issueMs: number; bareMs: number }> {
  const pair = await Ed25519Multikey.generate();
  const did = didKeyFor(pair.publicKeyMultibase);
  const key = await importSigningKey(pair.publicKeyMultibase, pair.secretKeyMultibase, verificationMethodFor(pair.publicKeyMultibase), did);
  const documentLoader = createDocumentLoader();
  const { proof: _proof, ...unsigned } = credential;
  const input = { ...unsigned, issuer: { ...(unsigned.issuer as object), id: did } };
  const timed = async (runs: number, fn: () => Promise<unknown>) => {
    for (let i = 0; i < Math.min(10, runs); i += 1) await fn();
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) await fn();
    return (performance.now() - started) / runs;
  };
  const oursMs = await timed(200, () => signCredential({ credential: input, key, documentLoader, now: new Date() }));
  const issueMs = await timed(50, () => vc.issue({ credential: structuredClone(input), suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite, date: new Date() }), documentLoader, now: new Date() }));
  const signer = key.signer();
  const data = new Uint8Array(64);
  const bareMs = await timed(2_000, () => signer.sign({ data }));
  return { oursMs, issueMs, bareMs };
}

/** Server-side cost of a cold verification without HTTP: a fresh verifier (empty memo) over diplomas read as the endpoint reads them. */
async function coldVerifyCpu(server: BenchServer, ids: string[]): Promise<number> {
  const { verifier } = createDiplomaCore({ db: server.handle.db, clock: { now: () => new Date() }, secretBox: createSecretBox(BENCH_APP_SECRET), publicUrl: server.url });
  const repo = createDiplomasRepo(server.handle.db);
  const found = await Promise.all(ids.map((id) => repo.diplomaWithStatusList(id)));
  const cpu = process.cpuUsage();
  for (const row of found) await verifier.verify(row!.diploma.credential, 'ru', { statusList: row!.statusList });
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000 / ids.length;
}

/**
 * The client of the cold run, in a worker thread with node's http client (as autocannon runs for the
 * warm one): on the server's own thread, or with fetch, the client's CPU was measured as the server's.
 * Each distinct id is fetched once, by `concurrency` loops over keep-alive connections, from distinct
 * client addresses.
 */
const COLD_CLIENT = `
  const { parentPort, workerData } = require('node:worker_threads');
  const http = require('node:http');
  const { url, ids, concurrency } = workerData;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (path, headers) => new Promise((resolve, reject) => {
    http.get(url + path, { agent, headers }, (response) => { response.resume(); response.on('end', () => resolve(response.statusCode)); }).on('error', reject);
  });
  (async () => {
    let next = 0;
    let failures = 0;
    await Promise.all(Array.from({ length: concurrency }, async (_v, worker) => {
      while (next < ids.length) {
        const id = ids[next++];
        if ((await get('/api/public/diplomas/' + id, { 'x-forwarded-for': '10.1.' + worker + '.' + (next % 250) })) !== 200) failures += 1;
      }
    }));
    agent.destroy();
    parentPort.postMessage(failures);
  })();`;

/** Each distinct credential verified once, never seen before by the server's memo: the cold rate. */
async function coldVerifications(server: BenchServer, ids: string[], concurrency: number): Promise<number> {
  const started = performance.now();
  const worker = new Worker(COLD_CLIENT, { eval: true, workerData: { url: server.url, ids, concurrency } });
  const failures = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const seconds = (performance.now() - started) / 1000;
  await worker.terminate();
  if (failures > 0) throw new Error(`${failures} cold verifications failed`);
  return ids.length / seconds;
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
    report('diplomas: per credential: our signCredential (memoised c14n) / library vc.issue', `${library.oursMs.toFixed(2)} / ${library.issueMs.toFixed(1)} ms (×${(library.issueMs / library.oursMs).toFixed(0)})`, 'reported', true);

    const ids = rows.map((r) => r.id);
    const coldIds = ids.slice(0, Math.min(ids.length, 400));
    // 16 concurrent clients, as the warm run (autocannon, 16 connections): the same load shape, first time vs memoised.
    const cold = await coldVerifications(server, coldIds, 16);
    report(`diplomas: verify by id, cold (${coldIds.length} distinct, first time)`, `${cold.toFixed(0)} /s`, '≥ 200 /s', cold >= 200);
    // A fresh verifier has its own memo of proofs and statuses: these diplomas are cold for it.
    const coldCpu = await coldVerifyCpu(server, coldIds.slice(0, 200));
    report('diplomas: cold verification CPU per credential (in process, no HTTP)', `${coldCpu.toFixed(2)} ms`, 'reported', true);
    const warm = await warmVerifications(server, coldIds);
    report(`diplomas: verify by id, seen before (${coldIds.length} distinct)`, `${warm.rps.toFixed(0)} /s, p99 ${warm.p99} ms, non-2xx ${warm.non2xx}`, '≥ 200 /s', warm.rps >= 200 && warm.non2xx === 0);
  } finally {
    await server.close();
  }
}

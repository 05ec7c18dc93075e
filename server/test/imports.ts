import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { federalDistricts, municipalities, regions } from '../src/db/schema/index.ts';
import type { TestAgent } from './app.ts';

/**
 * Helpers shared by the imports route tests (not used by the app). The regions are inserted here
 * until reference data seeding is available to tests; ON CONFLICT keeps it harmless after that.
 */
export async function seedImportReference(db: Database): Promise<void> {
  await db.insert(federalDistricts).values([
    { code: 'PFD', nameRu: 'Приволжский федеральный округ', nameEn: 'Volga Federal District' },
    { code: 'CFD', nameRu: 'Центральный федеральный округ', nameEn: 'Central Federal District' },
  ]).onConflictDoNothing();
  const base = { kind: 'krai', lat: 58, lon: 56, tileCol: 0, tileRow: 0 };
  await db
    .insert(regions)
    .values([
      { ...base, code: 'RU-PER', nameRu: 'Пермский край', nameEn: 'Perm Krai', federalDistrict: 'PFD', capitalRu: 'Пермь', capitalEn: 'Perm' },
      { ...base, code: 'RU-MOW', kind: 'federal_city', nameRu: 'Москва', nameEn: 'Moscow', federalDistrict: 'CFD', capitalRu: 'Москва', capitalEn: 'Moscow' },
      { ...base, code: 'RU-KLU', kind: 'oblast', nameRu: 'Калужская область', nameEn: 'Kaluga Oblast', federalDistrict: 'CFD', capitalRu: 'Калуга', capitalEn: 'Kaluga' },
    ])
    .onConflictDoNothing();
  await db
    .insert(municipalities)
    .values({ regionCode: 'RU-PER', name: 'Пермский городской округ', kind: 'urban_okrug', population: 1_034_002 })
    .onConflictDoNothing();
}

/** A multipart/form-data body with one file (and optional fields before it), as a browser sends it. */
export function multipartBody(fileName: string, bytes: Buffer, fields: Record<string, string> = {}) {
  const boundary = `----ms${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  chunks.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file as the agent and returns the response. */
export function upload(agent: TestAgent, url: string, fileName: string, bytes: Buffer, headers: Record<string, string> = {}, fields: Record<string, string> = {}) {
  const body = multipartBody(fileName, bytes, fields);
  return agent.request({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...headers } });
}

export interface JobView {
  status: string;
  done: number;
  total: number;
  result: Record<string, unknown> | null;
  error: string | null;
}

/** Polls GET /api/jobs/:id until the job is in one of the wanted states. */
export async function waitForJob(agent: TestAgent, jobId: string, states: string[] = ['succeeded', 'failed'], timeoutMs = 20_000): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await agent.request({ method: 'GET', url: `/api/jobs/${jobId}` });
    expect(response.statusCode).toBe(200);
    const job = response.json() as JobView;
    if (states.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A people CSV (';', UTF-8) from rows of [last, first, email, region, birth date?]. */
export function peopleCsv(rows: string[][]): Buffer {
  const lines = ['Фамилия;Имя;E-mail;Регион;Дата рождения', ...rows.map((r) => r.join(';'))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissionApplications, people } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { buildCampaign } from '../../../test/admissions.ts';
import { buildProgrammeTree } from '../../../test/factories.ts';
import { childEnv } from '../../../test/child-env.ts';
import { seedImportReference } from '../../../test/imports.ts';
import { CHUNK_ROWS } from './imports.check.ts';

const ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cli/index.ts');
// Enough chunks that the job is still staging (or writing) them when the bar first moves.
const ROWS = 8 * CHUNK_ROWS;

let t: TestApp;
let workDir: string;
let csvPath: string;
let campaignId: string;

/** Starts the real CLI; `killWhen` sees stderr as it grows and may ask for a SIGKILL. */
function runImport(killWhen?: (stderr: string) => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    // `node --import tsx` keeps the CLI in this one process (the tsx wrapper would fork a child that outlives a kill).
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'import-applications', '--campaign', campaignId, '--file', csvPath], {
      env: childEnv({ DATABASE_URL: t.url, DATA_DIR: workDir, LOG_LEVEL: 'silent' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killWhen?.(stderr) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

const countImported = async () => {
  const [applications] = await t.db
    .select({ count: sql<number>`count(*)::int` })
    .from(admissionApplications)
    .where(eq(admissionApplications.campaignId, campaignId));
  const [applicants] = await t.db.select({ count: sql<number>`count(*)::int` }).from(people).where(like(people.email, '%@kill-applications.example'));
  return { applications: applications!.count, people: applicants!.count };
};

beforeAll(async () => {
  t = await buildTestApp();
  await t.jobs.stop();
  await seedImportReference(t.db);
  const tree = await buildProgrammeTree(t.db);
  campaignId = (await buildCampaign(t.db, tree.intake.id)).id;
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-kill-applications-'));
  const lines = ['Фамилия;Имя;E-mail;Регион;Дата рождения;Образование;Стаж на руководящих должностях;Вид службы;Стаж службы;Балл за тест'];
  for (let i = 1; i <= ROWS; i++) lines.push(`Фамилия${i};Имя;a${i}@kill-applications.example;RU-PER;1980-01-${String((i % 28) + 1).padStart(2, '0')};master;5;municipal;7;${i % 100}`);
  csvPath = path.join(workDir, 'applications.csv');
  await fs.writeFile(csvPath, lines.join('\n'));
});
afterAll(async () => {
  await t?.close();
  if (workDir) await fs.rm(workDir, { recursive: true, force: true });
});

describe('an applications import killed after some chunks', () => {
  it('leaves nothing half-written, and running it again imports every row exactly once', async () => {
    // The bar moves once a chunk has been read, checked and staged, and reaches 100% only after the commit.
    const killed = await runImport((stderr) => /\]\s+([1-9]\d?)% \d+\/\d+ import/.test(stderr));
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(await countImported()).toEqual({ applications: 0, people: 0 });

    const rerun = await runImport();
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(await countImported()).toEqual({ applications: ROWS, people: ROWS });

    const again = await runImport();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('import: 0 applications created, 0 updated');
    expect(await countImported()).toEqual({ applications: ROWS, people: ROWS });
  }, 180_000);
});

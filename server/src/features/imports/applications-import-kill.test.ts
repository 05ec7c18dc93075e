import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissionApplications, people } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { buildCampaign } from '../../../test/admissions.ts';
import { buildProgrammeTree } from '../../../test/factories.ts';
import { runCli } from '../../../test/child-env.ts';
import { seedImportReference } from '../../../test/imports.ts';
import { CHUNK_ROWS } from './imports.check.ts';

// Enough chunks that the job is still staging (or writing) them when the bar first moves.
const ROWS = 8 * CHUNK_ROWS;

let t: TestApp;
let workDir: string;
let csvPath: string;
let campaignId: string;

/** Runs the real CLI's import; `killWhen` may ask for a SIGKILL as stderr grows. */
const runImport = (killWhen?: (stderr: string) => boolean) => runCli(['import-applications', '--campaign', campaignId, '--file', csvPath], { DATABASE_URL: t.url, DATA_DIR: workDir, LOG_LEVEL: 'silent' }, killWhen);

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

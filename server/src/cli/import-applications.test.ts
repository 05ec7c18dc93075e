import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { admissionApplications, people } from '../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { buildCampaign } from '../../test/admissions.ts';
import { buildProgrammeTree } from '../../test/factories.ts';
import { childEnv } from '../../test/child-env.ts';
import { seedImportReference } from '../../test/imports.ts';

const ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'index.ts');
const TSX = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs');
const HEADER = 'Фамилия;Имя;E-mail;Регион;Дата рождения;Образование;Стаж на руководящих должностях;Вид службы;Стаж службы;Балл за тест;Статус';

let t: TestApp;
let workDir: string;

/** Runs the real CLI in a child process against this file's database. */
function runCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, ENTRY, ...args], {
      env: childEnv({ DATABASE_URL: t.url, DATA_DIR: workDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://school.example.test' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Writes an applications CSV (';', UTF-8) from rows of cells in HEADER's order. */
async function writeCsv(name: string, rows: string[][]): Promise<string> {
  const file = path.join(workDir, name);
  await fs.writeFile(file, `${[HEADER, ...rows.map((r) => r.join(';'))].join('\r\n')}\r\n`);
  return file;
}

const GOOD = ['Орлова', 'Анна', 'cli.orlova@example.ru', 'RU-PER', '12.03.1985', 'магистр', '5', 'муниципальная', '7', '81,5', ''];
const SECOND = ['Зайцев', 'Олег', 'cli.zaitsev@example.ru', 'RU-KLU', '1975-07-30', 'среднее', '1', '', '', '', 'резерв'];
const BAD = ['Быков', 'Илья', 'cli.bykov@example.ru', 'RU-MOW', '1980-01-01', 'магистр', '3', 'военная', '3', '130', ''];

beforeAll(async () => {
  t = await buildTestApp();
  await t.jobs.stop();
  await seedImportReference(t.db);
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-cli-applications-'));
});
afterAll(async () => {
  await t?.close();
  if (workDir) await fs.rm(workDir, { recursive: true, force: true });
});

const applicationsOf = (campaignId: string) =>
  t.db
    .select({ email: people.email, status: admissionApplications.status })
    .from(admissionApplications)
    .innerJoin(people, eq(people.id, admissionApplications.personId))
    .where(eq(admissionApplications.campaignId, campaignId))
    .orderBy(people.email);

describe('import-applications on the command line', () => {
  it('dry-runs and refuses a file with a bad row, imports a good file, and adds nothing when run again', async () => {
    const tree = await buildProgrammeTree(t.db);
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const bad = await writeCsv('bad.csv', [GOOD, BAD]);
    const good = await writeCsv('good.csv', [GOOD, SECOND]);

    const dryRun = await runCli('import-applications', '--campaign', campaign.id, '--file', bad, '--dry-run', '--locale', 'ru');
    expect(dryRun.code).toBe(2);
    expect(dryRun.stderr).toContain('row 3');
    expect(dryRun.stderr).toContain('Значение больше допустимого (100)');
    expect(dryRun.stderr).toContain('Dry run: the file would not be imported.');

    const refused = await runCli('import-applications', '--campaign', campaign.id, '--file', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Nothing imported');
    expect(await applicationsOf(campaign.id)).toHaveLength(0);

    const goodDryRun = await runCli('import-applications', '--campaign', campaign.id, '--file', good, '--dry-run');
    expect(goodDryRun.code, goodDryRun.stderr).toBe(0);
    expect(await applicationsOf(campaign.id)).toHaveLength(0);

    const imported = await runCli('import-applications', '--campaign', campaign.id, '--file', good);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/\[#+\] 100%/);
    expect(imported.stderr).toContain('import: 2 applications created, 0 updated, 0 rows skipped, 2 people created');
    expect(await applicationsOf(campaign.id)).toEqual([
      { email: 'cli.orlova@example.ru', status: 'submitted' },
      { email: 'cli.zaitsev@example.ru', status: 'reserve' },
    ]);

    const again = await runCli('import-applications', '--campaign', campaign.id, '--file', good);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('import: 0 applications created, 0 updated');
    expect(await applicationsOf(campaign.id)).toHaveLength(2);
  }, 60_000);

  it('imports only the good rows with --skip-bad-rows, and answers bad usage with exit code 2', async () => {
    const tree = await buildProgrammeTree(t.db);
    const campaign = await buildCampaign(t.db, tree.intake.id);
    const bad = await writeCsv('mixed.csv', [GOOD, BAD]);
    const skipped = await runCli('import-applications', '--campaign', campaign.id, '--file', bad, '--skip-bad-rows');
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stderr).toContain('1 rows skipped');
    expect(await applicationsOf(campaign.id)).toEqual([{ email: 'cli.orlova@example.ru', status: 'submitted' }]);

    const noCampaign = await runCli('import-applications', '--file', bad);
    expect(noCampaign.code).toBe(2);
    expect(noCampaign.stderr).toContain('--campaign');
    const unknown = await runCli('import-applications', '--campaign', '00000000-0000-4000-8000-000000000000', '--file', bad);
    expect(unknown.code).toBe(2);
  }, 60_000);
});

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolments, people } from '../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { buildProgrammeTree } from '../../test/factories.ts';
import { runCli } from '../../test/child-env.ts';

const ROWS = 40_000;

let t: TestApp;
let workDir: string;
let csvPath: string;
let streamId: string;

/** Runs the real CLI's import; `killWhen` may ask for a SIGKILL as stderr grows. */
const runImport = (killWhen?: (stderr: string) => boolean) => runCli(['import-people', '--stream', streamId, '--file', csvPath], { DATABASE_URL: t.url, DATA_DIR: workDir, LOG_LEVEL: 'silent' }, killWhen);

const countImported = async () => {
  const [row] = await t.db
    .select({ people: sql<number>`count(distinct ${people.id})::int`, enrolled: sql<number>`count(${enrolments.id})::int` })
    .from(people)
    .leftJoin(enrolments, and(eq(enrolments.personId, people.id), eq(enrolments.streamId, streamId)))
    .where(like(people.email, '%@kill-test.example'));
  return row!;
};

beforeAll(async () => {
  t = await buildTestApp();
  await t.jobs.stop();
  streamId = (await buildProgrammeTree(t.db)).streams[0]!.id;
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-kill-'));
  const lines = ['Фамилия;Имя;Отчество;E-mail;Дата рождения;Регион'];
  for (let i = 1; i <= ROWS; i++) lines.push(`Фамилия${i};Имя;Отчество;p${i}@kill-test.example;1980-01-${String((i % 28) + 1).padStart(2, '0')};RU-SAM`);
  csvPath = path.join(workDir, 'people.csv');
  await fs.writeFile(csvPath, lines.join('\n'));
});
afterAll(async () => {
  await t?.close();
  if (workDir) await fs.rm(workDir, { recursive: true, force: true });
});

describe('an import killed in the middle', () => {
  it('leaves nothing half-written, and running it again imports every row exactly once', async () => {
    // Kill the process as soon as the bar shows the job writing rows, before it can commit.
    const killed = await runImport((stderr) => /\]\s+([1-9]\d?)% \d+\/\d+ import/.test(stderr));
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(await countImported()).toEqual({ people: 0, enrolled: 0 });

    const rerun = await runImport();
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(await countImported()).toEqual({ people: ROWS, enrolled: ROWS });

    const again = await runImport();
    expect(again.code, again.stderr).toBe(0);
    expect(await countImported()).toEqual({ people: ROWS, enrolled: ROWS });
  }, 180_000);
});

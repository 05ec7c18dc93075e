import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolments, people } from '../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { buildProgrammeTree } from '../../test/factories.ts';
import { childEnv } from '../../test/child-env.ts';

const ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'index.ts');
const ROWS = 40_000;

let t: TestApp;
let workDir: string;
let csvPath: string;
let streamId: string;

/** Starts the real CLI; `killWhen` sees stderr as it grows and may ask for a SIGKILL. */
function runImport(killWhen?: (stderr: string) => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    // `node --import tsx` keeps the CLI in this one process (the tsx wrapper would fork a child that outlives a kill).
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'import-people', '--stream', streamId, '--file', csvPath], {
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

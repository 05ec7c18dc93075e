import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, enrolments, federalDistricts, people, regions, users } from '../db/schema/index.ts';
import { buildTestApp, signIn, type TestApp } from '../../test/app.ts';
import { buildPerson, buildProgrammeTree } from '../../test/factories.ts';
import { childEnv } from '../../test/child-env.ts';

const ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'index.ts');
const TSX = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs');

let t: TestApp;
let workDir: string;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process against this file's database. */
function runCli(...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, ENTRY, ...args], {
      // The child needs PATH (pg_dump) from here, plus its own configuration.
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

beforeAll(async () => {
  t = await buildTestApp();
  // The restore drops and recreates pg-boss's tables too: its workers must not hold them meanwhile.
  await t.jobs.stop();
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-cli-test-'));
});
afterAll(async () => {
  await t?.close();
  if (workDir) await fs.rm(workDir, { recursive: true, force: true });
});

describe('the command line', () => {
  it('answers bad usage with exit code 2 and the usage text', async () => {
    const unknown = await runCli('no-such-command');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Usage: mayors-school');
    const missing = await runCli('backup');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--out');
  });

  it('backs the database up and restores a deleted row from the backup', async () => {
    const person = await buildPerson(t.db, { lastName: 'Резервная' });
    await t.db.insert(auditLog).values({ action: 'test.before_backup', entity: 'person', entityId: person.id });
    const file = path.join(workDir, 'nested', 'backup.dump');
    const backup = await runCli('backup', '--out', file);
    expect(backup.code, backup.stderr).toBe(0);
    expect((await fs.stat(file)).size).toBeGreaterThan(0);
    expect(backup.stderr).toMatch(/\[#+\] 100%/);

    await t.db.delete(people).where(eq(people.id, person.id));
    expect(await t.db.select().from(people).where(eq(people.id, person.id))).toHaveLength(0);

    const restore = await runCli('restore', '--in', file, '--yes');
    expect(restore.code, restore.stderr).toBe(0);
    const [back] = await t.db.select().from(people).where(eq(people.id, person.id));
    expect(back).toMatchObject({ lastName: 'Резервная', email: person.email });
    // The restored audit log keeps its rows and is still append-only.
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'test.before_backup'))).toHaveLength(1);
    await expect(t.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('refuses to restore a file that does not exist', async () => {
    const restore = await runCli('restore', '--in', path.join(workDir, 'missing.dump'), '--yes');
    expect(restore.code).toBe(2);
  });

  it('creates an administrator and prints an invitation link that works', async () => {
    const email = 'first-admin@example.test';
    const created = await runCli('create-admin', '--email', email, '--name', 'Первый Администратор');
    expect(created.code, created.stderr).toBe(0);
    const link = created.stdout.trim();
    expect(link).toMatch(/^http:\/\/school\.example\.test\/accept-invitation\?token=[\w-]+$/);
    const token = new URL(link).searchParams.get('token')!;
    const accepted = await t.app.inject({ method: 'POST', url: '/api/auth/invitations/accept', payload: { token, password: 'admin-password-1' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ email, roles: ['admin'] });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.create'), eq(auditLog.actorEmail, 'cli')));
    expect(audit).toBeDefined();

    const again = await runCli('create-admin', '--email', email, '--name', 'Дубль');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('creates an administrator with a password who can sign in at once', async () => {
    const email = 'second-admin@example.test';
    const created = await runCli('create-admin', '--email', email, '--name', 'Второй', '--password', 'second-admin-password');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toBe('');
    await signIn(t.app, email, 'second-admin-password');
    const tooShort = await runCli('create-admin', '--email', 'third@example.test', '--name', 'Третий', '--password', 'short');
    expect(tooShort.code).toBe(2);
  });

  it('prints a fresh invitation link, and fails clearly for an unknown address', async () => {
    const invited = await runCli('invite', '--email', 'first-admin@example.test');
    expect(invited.code, invited.stderr).toBe(0);
    expect(invited.stdout.trim()).toMatch(/accept-invitation\?token=/);
    const unknown = await runCli('invite', '--email', 'nobody@example.test');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No account');
  });

  it('imports a people file into a stream after a dry run, and refuses a file with errors', async () => {
    await t.db.insert(federalDistricts).values({ code: 'PFD', nameRu: 'Приволжский', nameEn: 'Volga' }).onConflictDoNothing();
    await t.db
      .insert(regions)
      .values({ code: 'RU-PER', nameRu: 'Пермский край', nameEn: 'Perm Krai', kind: 'krai', federalDistrict: 'PFD', capitalRu: 'Пермь', capitalEn: 'Perm', lat: 58, lon: 56.25, tileCol: 1, tileRow: 1 })
      .onConflictDoNothing();
    const tree = await buildProgrammeTree(t.db);
    const streamId = tree.streams[0]!.id;
    const good = path.join(workDir, 'people.csv');
    await fs.writeFile(good, 'Фамилия,Имя,E-mail,Регион\nПетров,Иван,ivan.petrov@example.test,RU-PER\nСидорова,Анна,anna.sidorova@example.test,RU-PER\n');
    const bad = path.join(workDir, 'bad.csv');
    await fs.writeFile(bad, 'Фамилия,Имя,E-mail,Регион\nПетров,Иван,not-an-email,RU-PER\n');

    const dryRun = await runCli('import-people', '--stream', streamId, '--file', bad, '--dry-run');
    expect(dryRun.code).toBe(2);
    expect(dryRun.stderr).toContain('row 2');
    expect(dryRun.stderr).toContain('Invalid e-mail');
    const dryRunRu = await runCli('import-people', '--stream', streamId, '--file', bad, '--dry-run', '--locale', 'ru');
    expect(dryRunRu.code).toBe(2);
    expect(dryRunRu.stderr).toContain('Некорректный e-mail');

    const refused = await runCli('import-people', '--stream', streamId, '--file', bad);
    expect(refused.code).toBe(2);
    expect(await t.db.select().from(enrolments).where(eq(enrolments.streamId, streamId))).toHaveLength(0);

    const imported = await runCli('import-people', '--stream', streamId, '--file', good);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/2 enrolled/);
    expect(await t.db.select().from(enrolments).where(eq(enrolments.streamId, streamId))).toHaveLength(2);
    expect(await t.db.select().from(users).where(eq(users.email, 'ivan.petrov@example.test'))).toHaveLength(0);
  });
});

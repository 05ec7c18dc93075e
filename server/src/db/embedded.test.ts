import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded.ts';

const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dataDir: string;
let running: EmbeddedPostgresHandle;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-lock-'));
  await fs.chmod(dataDir, 0o755);
  running = await startEmbeddedPostgres({ dataDir, port: 20000 + Math.floor(Math.random() * 20000), settings: { fsync: 'off' } });
}, 60_000);
afterAll(async () => {
  await running?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL', () => {
  it('serves queries on loopback', async () => {
    const client = new pg.Client({ connectionString: running.url });
    await client.connect();
    const { rows } = await client.query('select version()');
    await client.end();
    expect(rows[0].version).toMatch(/^PostgreSQL 15/);
  });

  it('refuses a second process on the same data directory with a clear error', () => {
    const script = `import('./src/db/embedded.ts').then(m => m.startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: 1 }))
      .then(() => process.exit(0), (e) => { process.stderr.write(e.message); process.exit(3); });`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: SERVER_ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('is in use by another mayors-school process');
  });

  it('takes over a lock left by a process that died', async () => {
    const otherDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-stale-'));
    await fs.chmod(otherDir, 0o755);
    // A pid far above pid_max stands in for a process that died without cleaning up.
    await fs.writeFile(path.join(otherDir, 'mayors-school.lock'), '99999999');
    const handle = await startEmbeddedPostgres({ dataDir: otherDir, port: 20000 + Math.floor(Math.random() * 20000), settings: { fsync: 'off' } });
    await handle.stop();
    await expect(fs.access(path.join(otherDir, 'mayors-school.lock'))).rejects.toThrow();
    await fs.rm(otherDir, { recursive: true, force: true });
  }, 60_000);
});

import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../test/ports.ts';
import { childEnv } from '../test/child-env.ts';

const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');


describe('the server process', () => {
  it('starts on an empty data directory and stops cleanly on SIGTERM, leaving no lock and no PostgreSQL running', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-main-'));
    await fs.chmod(dataDir, 0o755);
    const port = await findFreePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_ROOT,
      env: childEnv({ DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await findFreePort()), SEED_DEMO: 'false', LOG_LEVEL: 'warn' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect
        .poll(async () => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0), { timeout: 60_000, interval: 250 })
        .toBe(200);
      expect(output).toContain(`running at http://localhost:${port}`);
      child.kill('SIGTERM');
      expect(await exited, output).toBe(0);
      await expect(fs.access(path.join(dataDir, 'mayors-school.lock'))).rejects.toThrow();
      await expect(fs.access(path.join(dataDir, 'pg', 'postmaster.pid'))).rejects.toThrow();
      expect(output).not.toMatch(/"level":50/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from '../harness.ts';
import { findFreePort } from '../../server/test/ports.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function timeToReady(dataDir: string): Promise<number> {
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await findFreePort()), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('server exited during start');
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** Start to ready with an existing data directory (the first start, which creates it, is measured as the baseline). */
export async function benchStartup(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-bench-start-'));
  await fs.chmod(dataDir, 0o755);
  try {
    const first = await timeToReady(dataDir);
    const second = await timeToReady(dataDir);
    report('start to ready, existing data dir', `${second.toFixed(2)} s (first start ${first.toFixed(2)} s)`, '≤ 5 s', second <= 5);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

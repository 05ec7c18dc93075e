import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CliError } from './context.ts';

export interface PgToolRun {
  /** Called with each line the tool writes to stderr (its --verbose log). */
  onLine?: (line: string) => void;
}

/**
 * Runs pg_dump / pg_restore from PATH against a connection URL. The password goes through a
 * temporary passfile (mode 0600), never the command line, where other local users could read it.
 */
export async function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string, run: PgToolRun = {}): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ms-pg-'));
  try {
    const target = new URL(url);
    const password = decodeURIComponent(target.password);
    if (password) {
      const escape = (value: string) => value.replace(/[\\:]/g, (c) => `\\${c}`);
      const passfile = path.join(dir, 'pgpass');
      await fs.writeFile(passfile, `*:*:*:${escape(decodeURIComponent(target.username))}:${escape(password)}\n`, { mode: 0o600 });
      target.password = '';
      target.searchParams.set('passfile', passfile);
    }
    return await spawnTool(tool, [...args, `--dbname=${target.toString()}`], run);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function spawnTool(tool: string, args: string[], run: PgToolRun): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const errors: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    createInterface({ input: child.stderr }).on('line', (line) => {
      run.onLine?.(line);
      if (/error|fatal|could not|aborting/i.test(line)) errors.push(line);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new CliError(`${tool} was not found on PATH. Install the PostgreSQL 15 client tools (Debian: postgresql-client-15).`)
          : error,
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString('utf8'));
      else reject(new CliError(`${tool} failed (exit code ${code}):\n${errors.slice(-10).join('\n') || 'no message'}`));
    });
  });
}

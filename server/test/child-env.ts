import { spawn } from 'node:child_process';

/**
 * The environment for a real server or CLI process a test spawns: this process's own (PATH for
 * pg_dump and node, locale) plus the child's configuration. Tests live outside src/, where only
 * config.ts may read the environment.
 */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

const CLI_ENTRY = new URL('../src/cli/index.ts', import.meta.url).pathname;

/** What a CLI run ended with. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs the real CLI with `args` against the given configuration. `killWhen` sees stderr as it grows and
 * may ask for a SIGKILL (to test that a job killed mid-way loses nothing and can be run again).
 */
export function runCli(args: string[], env: Record<string, string>, killWhen?: (stderr: string) => boolean): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // `node --import tsx` keeps the CLI in this one process (the tsx wrapper would fork a child that outlives a kill).
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, ...args], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killWhen?.(stderr) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

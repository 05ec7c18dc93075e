import pg from 'pg';

/** Receives PostgreSQL notifications on one channel; `onReset` runs whenever some may have been missed. */
export interface ChangeListener {
  onChange: (payload: string) => void;
  onReset: () => void;
}

/**
 * In-process caches stay correct across processes (a second server, the CLI, SQL by hand) by listening to
 * the NOTIFYs that triggers send when the cached rows change. While the listening connection is down a
 * notification could be lost, so caches must not serve then: they ask `isLive()` on every hit, and every
 * listener is reset when the connection drops.
 */
export interface ChangeFeed {
  isLive: () => boolean;
  listen: (channel: string, listener: ChangeListener) => void;
  start: () => Promise<void>;
  close: () => Promise<void>;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/** A LISTEN connection of its own (pooled connections cannot hold a LISTEN), reconnecting with backoff. */
export function createChangeFeed(options: { connectionString: string; onError?: (error: unknown) => void }): ChangeFeed {
  const listeners = new Map<string, ChangeListener[]>();
  let client: pg.Client | null = null;
  let isLive = false;
  let isClosed = false;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: NodeJS.Timeout | null = null;

  const resetAll = () => {
    for (const group of listeners.values()) for (const listener of group) listener.onReset();
  };

  const dropConnection = (error?: unknown) => {
    if (!isLive && !client) return;
    isLive = false;
    resetAll();
    const old = client;
    client = null;
    old?.removeAllListeners();
    old?.on('error', () => undefined);
    void old?.end().catch(() => undefined);
    if (error) options.onError?.(error);
    if (!isClosed) scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (retryTimer || isClosed) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect().catch((error: unknown) => dropConnection(error));
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: options.connectionString });
    next.on('error', (error) => dropConnection(error));
    next.on('end', () => dropConnection());
    next.on('notification', (message) => {
      for (const listener of listeners.get(message.channel) ?? []) listener.onChange(message.payload ?? '');
    });
    client = next;
    await next.connect();
    // Channel names are ours (constants in code), not user input.
    for (const channel of listeners.keys()) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    if (isClosed) {
      await next.end();
      return;
    }
    // Anything cached before this moment may have missed a change while nobody listened.
    resetAll();
    isLive = true;
    retryMs = RETRY_MIN_MS;
  }

  return {
    isLive: () => isLive,
    listen(channel, listener) {
      if (client) throw new Error('listen() must be called before start()');
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    async start() {
      try {
        await connect();
      } catch (error) {
        // Serving without caches is slower, never wrong: keep going and retry in the background.
        dropConnection(error);
      }
    },
    async close() {
      isClosed = true;
      if (retryTimer) clearTimeout(retryTimer);
      isLive = false;
      const old = client;
      client = null;
      old?.removeAllListeners();
      old?.on('error', () => undefined);
      await old?.end().catch(() => undefined);
    },
  };
}

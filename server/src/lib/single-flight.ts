/**
 * Calls that ask for the same key while one is running share its result instead of starting their own;
 * once it settles (resolved or rejected) the next call starts afresh. Nothing is kept afterwards: this
 * is not a cache, only a way to stop a burst of identical reads from all reaching the database.
 */
export function createSingleFlight<T>() {
  const running = new Map<string, Promise<T>>();
  return {
    run(key: string, work: () => Promise<T>): Promise<T> {
      const shared = running.get(key);
      if (shared) return shared;
      const started = (async () => {
        try {
          return await work();
        } finally {
          running.delete(key);
        }
      })();
      running.set(key, started);
      return started;
    },
    /** Keys with a call in flight (for tests and diagnostics). */
    get size() {
      return running.size;
    },
  };
}

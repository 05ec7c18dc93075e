type Progress = (done: number, total: number) => Promise<void>;

/**
 * Progress that never holds the import up: each tick only records the latest count, written (on the
 * job's own connection, a commit each) as soon as the previous write is done; counts that arrive
 * meanwhile are skipped for the newest one. A failed write is ignored: the bar is a hint, and the
 * final count is written by the caller after flush().
 */
export function createBackgroundProgress(report: Progress) {
  let inFlight: Promise<void> | null = null;
  let pending: [number, number] | null = null;
  const pump = () => {
    if (inFlight || !pending) return;
    const [done, total] = pending;
    pending = null;
    inFlight = report(done, total)
      .catch(() => undefined)
      .finally(() => {
        inFlight = null;
        pump();
      });
  };
  return {
    /** Records a count; resolves at once. */
    tick(done: number, total: number): Promise<void> {
      pending = [done, total];
      pump();
      return Promise.resolve();
    },
    /** Waits until every recorded count is written, so a later write is never overtaken. */
    async flush(): Promise<void> {
      while (inFlight) await inFlight;
    },
  };
}

/**
 * Group commit for hot write endpoints: many concurrent requests each wanting one small durable write
 * (a test answer, a check-in) cost PostgreSQL one statement, one transaction and one WAL flush each.
 * The batcher collects the writes that arrive while earlier ones are being written and hands them to
 * `writeMany` as one batch (one multi-row statement, one commit); each caller's promise settles only
 * after that commit, so a 200 still means "on disk".
 *
 * No timer and no fixed delay: a write arriving when the batcher is idle goes out on the next turn of
 * the event loop (together with whatever arrived in the same turn), so a lone request waits for nothing.
 * Under load, writes queue behind the `maxInFlight` batches being written, and the batches grow by
 * themselves up to `maxBatch`.
 */
export interface WriteBatcher<Item, Result> {
  /** Queues one write; settles with its own result after the batch holding it has committed. */
  write: (item: Item) => Promise<Result>;
  /** Resolves once everything queued so far has been written (for shutdown and tests). */
  drain: () => Promise<void>;
}

export interface WriteBatcherOptions<Item, Result> {
  /** Writes the batch in one transaction; returns one result per item, in the same order. */
  writeMany: (items: Item[]) => Promise<Result[]>;
  /**
   * Writes one item alone. Used when `writeMany` throws, so that one bad row (a constraint, a
   * deadlock) fails only its own request and its neighbours are written all the same.
   */
  writeOne: (item: Item) => Promise<Result>;
  /** The largest batch (bounds the statement's size and the time one commit holds its locks). */
  maxBatch?: number;
  /** Batches written at the same time (overlaps one batch's round trip and flush with the next one's). */
  maxInFlight?: number;
}

interface Pending<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/** A group-commit batcher around `writeMany` (see WriteBatcher). */
export function createWriteBatcher<Item, Result>(options: WriteBatcherOptions<Item, Result>): WriteBatcher<Item, Result> {
  const maxBatch = options.maxBatch ?? 200;
  const maxInFlight = options.maxInFlight ?? 2;
  let queue: Array<Pending<Item, Result>> = [];
  let inFlight = 0;
  let isScheduled = false;
  let idleWaiters: Array<() => void> = [];

  async function writeBatch(batch: Array<Pending<Item, Result>>): Promise<void> {
    let results: Result[] | null = null;
    try {
      results = await options.writeMany(batch.map((p) => p.item));
      if (results.length !== batch.length) throw new Error(`writeMany returned ${results.length} results for ${batch.length} items`);
    } catch {
      // The batch rolled back as a whole: write each item alone, so only the bad one fails.
      results = null;
    }
    if (results) {
      batch.forEach((p, i) => p.resolve(results[i]!));
      return;
    }
    // Each settles its own caller, whatever happens: writeBatch itself never rejects.
    await Promise.all(batch.map((p) => Promise.resolve().then(() => options.writeOne(p.item)).then(p.resolve, p.reject)));
  }

  function pump(): void {
    isScheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      inFlight += 1;
      void writeBatch(batch).finally(() => {
        inFlight -= 1;
        if (queue.length > 0) schedule();
        else if (inFlight === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          for (const wake of waiters) wake();
        }
      });
    }
  }

  function schedule(): void {
    if (isScheduled) return;
    isScheduled = true;
    // setImmediate runs after the current I/O phase: requests parsed in the same turn share a batch.
    setImmediate(pump);
  }

  return {
    write(item) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (inFlight < maxInFlight) schedule();
      });
    },
    drain() {
      if (queue.length === 0 && inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}

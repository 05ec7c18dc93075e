import { auditLog } from '../db/schema/index.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from './access.ts';

type Executor = Pick<Database, 'insert'>;

export interface AuditEntry {
  actor: Actor | null;
  action: string;
  entity?: string;
  entityId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
  /** For sign-in attempts by someone not yet known. */
  actorEmail?: string;
}


/** Appends one row to the audit log; pass a transaction so the record commits with the change it describes. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(toAuditRow(entry));
}

function toAuditRow(entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    actorUserId: entry.actor?.userId ?? null,
    actorEmail: entry.actorEmail ?? entry.actor?.email ?? null,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  };
}

export interface AuditBuffer {
  /** Queues an entry; it is written within flushIntervalMs, together with its neighbours. */
  record: (entry: AuditEntry) => void;
  /** Writes everything queued now (also called on shutdown). */
  flush: () => Promise<void>;
}

/**
 * Identical reads within one flush window (a script paging the same roster, a dashboard polling) become
 * one row whose details say how many times it happened: the log still tells who read what and how often,
 * at a fraction of the rows.
 */
function coalesce(entries: AuditEntry[]): Array<typeof auditLog.$inferInsert> {
  const rows = new Map<string, { row: typeof auditLog.$inferInsert; times: number }>();
  for (const entry of entries) {
    const row = toAuditRow(entry);
    const key = JSON.stringify([row.actorUserId, row.actorEmail, row.action, row.entity, row.entityId, row.ip, row.details]);
    const seen = rows.get(key);
    if (seen) seen.times += 1;
    else rows.set(key, { row, times: 1 });
  }
  return [...rows.values()].map(({ row, times }) => (times === 1 ? row : { ...row, details: { ...row.details, times } }));
}

/**
 * Read audits on hot paths (every roster page) would otherwise cost a committed write per request.
 * They are queued and written in one multi-row insert every flushIntervalMs: a crash can lose at most
 * that window of *read* records; writes are always audited in their own transaction instead.
 */
export function createAuditBuffer(db: Executor, options: { onError: (error: unknown) => void; flushIntervalMs?: number; maxBatch?: number }): AuditBuffer {
  const interval = options.flushIntervalMs ?? 100;
  const maxBatch = options.maxBatch ?? 500;
  let pending: AuditEntry[] = [];
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = coalesce(pending);
    pending = [];
    if (batch.length > 0) {
      inFlight = inFlight.then(() => db.insert(auditLog).values(batch).then(() => undefined, options.onError));
    }
    await inFlight;
  }

  return {
    record(entry) {
      pending.push(entry);
      if (pending.length >= maxBatch) void flush();
      else timer ??= setTimeout(() => void flush(), interval);
    },
    flush,
  };
}

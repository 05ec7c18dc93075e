import { auditLog } from '../db/schema/index.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from './access.ts';

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

type Executor = Pick<Database, 'insert'>;

/** Appends one row to the audit log; pass a transaction so the record commits with the change it describes. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: entry.actor?.userId ?? null,
    actorEmail: entry.actorEmail ?? entry.actor?.email ?? null,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}

import { and, count, desc, eq, gte, ilike, lt, lte, type SQL } from 'drizzle-orm';
import type { AuditFilter } from '@ms/contracts/audit';
import type { Database } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import { likePattern } from '../../lib/pagination.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function whereOf(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.action) {
    conditions.push(
      filter.action.endsWith('*') ? ilike(auditLog.action, `${filter.action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : eq(auditLog.action, filter.action),
    );
  }
  if (filter.actor) {
    conditions.push(UUID.test(filter.actor) ? eq(auditLog.actorUserId, filter.actor) : ilike(auditLog.actorEmail, likePattern(filter.actor)));
  }
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) conditions.push(gte(auditLog.at, new Date(DATE_ONLY.test(filter.from) ? `${filter.from}T00:00:00Z` : filter.from)));
  if (filter.to) {
    if (DATE_ONLY.test(filter.to)) {
      // A date as the upper bound means "up to the end of that day".
      const next = new Date(`${filter.to}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      conditions.push(lt(auditLog.at, next));
    } else {
      conditions.push(lte(auditLog.at, new Date(filter.to)));
    }
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export function createAuditRepo(db: Database) {
  return {
    /** Newest first; the id breaks ties between entries of the same instant. */
    async listEntries(filter: AuditFilter, page: { limit: number; offset: number }) {
      const where = whereOf(filter);
      const [rows, [total]] = await Promise.all([
        db.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(page.limit).offset(page.offset),
        db.select({ value: count() }).from(auditLog).where(where),
      ]);
      return { rows, total: total?.value ?? 0 };
    },
  };
}

import Papa from 'papaparse';
import type { AuditEntry, AuditFilter, AuditQuery } from '@ms/contracts/audit';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { auditLog } from '../../db/schema/index.ts';
import { requireAdmin, type Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { translate } from '../../lib/i18n.ts';
import type { Locale, MessageKey } from '../../lib/messages.ts';
import { createAuditRepo } from './audit.repo.ts';

/** Enough for any investigation; a larger export is narrowed with the filters. */
export const AUDIT_EXPORT_LIMIT = 100_000;

const CSV_COLUMNS: Array<{ key: MessageKey; value: (row: AuditEntry) => string }> = [
  { key: 'audit.column.at', value: (r) => r.at },
  { key: 'audit.column.actor', value: (r) => r.actorEmail ?? '' },
  { key: 'audit.column.action', value: (r) => r.action },
  { key: 'audit.column.entity', value: (r) => r.entity ?? '' },
  { key: 'audit.column.entity_id', value: (r) => r.entityId ?? '' },
  { key: 'audit.column.ip', value: (r) => r.ip ?? '' },
  { key: 'audit.column.details', value: (r) => (Object.keys(r.details).length > 0 ? JSON.stringify(r.details) : '') },
];

/** A cell starting like a formula is prefixed so spreadsheets show it as text (CSV injection). */
const neutralise = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

function toEntry(row: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorEmail: row.actorEmail,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    ip: row.ip,
    details: row.details,
  };
}

/** Browsing and exporting the append-only audit log (admins only). */
export function createAuditService(deps: { db: Database; clock: Clock }) {
  const repo = createAuditRepo(deps.db);
  return {
    async listEntries(actor: Actor, query: AuditQuery) {
      requireAdmin(actor);
      const { page, pageSize, ...filter } = query;
      const { rows, total } = await repo.listEntries(filter, { limit: pageSize, offset: (page - 1) * pageSize });
      return { items: rows.map(toEntry), total, page, pageSize };
    },

    /** The filtered log as CSV (UTF-8 with BOM so Excel reads Cyrillic); the export itself is audited. */
    async exportCsv(actor: Actor, filter: AuditFilter, meta: { ip: string | null; locale: Locale }): Promise<{ csv: Buffer; fileName: string; rowCount: number }> {
      requireAdmin(actor);
      const { rows } = await repo.listEntries(filter, { limit: AUDIT_EXPORT_LIMIT, offset: 0 });
      const entries = rows.map(toEntry);
      const text = Papa.unparse({
        fields: CSV_COLUMNS.map((c) => translate(meta.locale, c.key)),
        data: entries.map((entry) => CSV_COLUMNS.map((c) => neutralise(c.value(entry)))),
      });
      await recordAudit(deps.db, { actor, action: 'audit.export', entity: 'audit_log', ip: meta.ip, details: { filter, rows: entries.length } });
      const fileName = `audit-${deps.clock.now().toISOString().slice(0, 10)}.csv`;
      return { csv: Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(text, 'utf8')]), fileName, rowCount: entries.length };
    },
  };
}

import type { OutboxItem, OutboxMessage, OutboxQuery } from '@ms/contracts/audit';
import type { Database } from '../../db/client.ts';
import { requireAdmin, type Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { createOutboxRepo, type OutboxRow } from './outbox.repo.ts';

type OutboxSummaryRow = Pick<OutboxRow, 'id' | 'toAddress' | 'subject' | 'kind' | 'createdAt' | 'sentAt' | 'error'>;

function toItem(row: OutboxSummaryRow): OutboxItem {
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    kind: row.kind,
    status: row.sentAt ? 'sent' : row.error ? 'failed' : 'not_sent',
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    error: row.error,
  };
}

/** The outbox for admins: what the platform mailed, and the full text when SMTP is not set up. */
export function createOutboxService(deps: { db: Database }) {
  const repo = createOutboxRepo(deps.db);
  return {
    /** A page of messages; recipients' addresses are personal data, so the read is audited. */
    async listMessages(actor: Actor, query: OutboxQuery, meta: { ip: string | null }) {
      requireAdmin(actor);
      const { rows, total } = await repo.listMessages(query);
      await recordAudit(deps.db, {
        actor,
        action: 'outbox.list',
        entity: 'outbox',
        ip: meta.ip,
        details: { kind: query.kind ?? null, q: query.q ?? null, page: query.page, count: rows.length },
      });
      return { items: rows.map(toItem), total, page: query.page, pageSize: query.pageSize };
    },

    /** One message in full. Bodies carry names and one-time links, so each read is audited. */
    async getMessage(actor: Actor, id: string, meta: { ip: string | null }): Promise<OutboxMessage> {
      requireAdmin(actor);
      const row = await repo.findMessage(id);
      if (!row) throw new AppError('not_found');
      await recordAudit(deps.db, { actor, action: 'outbox.read', entity: 'outbox', entityId: id, ip: meta.ip });
      return { ...toItem(row), textBody: row.textBody, meta: row.meta };
    },
  };
}

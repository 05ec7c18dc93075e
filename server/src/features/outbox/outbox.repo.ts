import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { OutboxQuery } from '@ms/contracts/audit';
import type { Database } from '../../db/client.ts';
import { outbox } from '../../db/schema/index.ts';
import { likePattern } from '../../lib/pagination.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export function createOutboxRepo(db: Database) {
  return {
    /** Newest first, without the bodies (a page of them can be large). */
    async listMessages(query: OutboxQuery) {
      const conditions: SQL[] = [];
      if (query.kind) conditions.push(eq(outbox.kind, query.kind));
      if (query.q) {
        const pattern = likePattern(query.q);
        conditions.push(or(ilike(outbox.toAddress, pattern), ilike(outbox.subject, pattern))!);
      }
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select({
            id: outbox.id,
            toAddress: outbox.toAddress,
            subject: outbox.subject,
            kind: outbox.kind,
            createdAt: outbox.createdAt,
            sentAt: outbox.sentAt,
            error: outbox.error,
          })
          .from(outbox)
          .where(where)
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ value: count() }).from(outbox).where(where),
      ]);
      return { rows, total: total?.value ?? 0 };
    },

    async findMessage(id: string): Promise<OutboxRow | undefined> {
      const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
      return row;
    },
  };
}

import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  consentDocuments,
  consents,
  enrolments,
  intakes,
  municipalities,
  organisations,
  people,
  programmes,
  roleGrants,
  streams,
  users,
} from '../../db/schema/index.ts';

/** The database or a transaction. */
export type Executor = Pick<Database, 'select' | 'insert' | 'execute'>;

/** Every row of the demo except municipalities, ids included, in the order foreign keys need them. */
export interface DemoRows {
  organisations: Array<typeof organisations.$inferInsert>;
  programmes: Array<typeof programmes.$inferInsert>;
  intakes: Array<typeof intakes.$inferInsert>;
  streams: Array<typeof streams.$inferInsert>;
  people: Array<typeof people.$inferInsert>;
  enrolments: Array<typeof enrolments.$inferInsert>;
  consentDocuments: Array<typeof consentDocuments.$inferInsert>;
  consents: Array<typeof consents.$inferInsert>;
  users: Array<typeof users.$inferInsert>;
  roleGrants: Array<typeof roleGrants.$inferInsert>;
}

// Any constant works; it only has to differ from other advisory locks the app takes.
const DEMO_LOCK_KEY = 7_301_202_401;

export function createDemoRepo(db: Executor) {
  return {
    /**
     * Serialises concurrent seeders (two processes starting on one database) until the transaction
     * ends, so the emptiness check below and the inserts cannot interleave.
     */
    async lockSeeding(): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK_KEY})`);
    },

    /** "Empty" means no organisation yet: anything a person created makes the demo stand aside. */
    async hasOrganisations(): Promise<boolean> {
      const rows = await db.select({ one: sql<number>`1` }).from(organisations).limit(1);
      return rows.length > 0;
    },

    /**
     * Inserts the municipalities, or finds them when reference data already holds one with the same
     * region, name and kind; answers the id of each by `${regionCode}|${kind}|${name}`.
     */
    async upsertMunicipalities(rows: Array<typeof municipalities.$inferInsert>): Promise<Map<string, string>> {
      const saved = await db
        .insert(municipalities)
        .values(rows)
        .onConflictDoUpdate({
          target: [municipalities.regionCode, municipalities.name, municipalities.kind],
          // A no-op update, so RETURNING also yields the rows that were already there.
          set: { name: sql`excluded.name` },
        })
        .returning({ id: municipalities.id, regionCode: municipalities.regionCode, name: municipalities.name, kind: municipalities.kind });
      return new Map(saved.map((m) => [`${m.regionCode}|${m.kind}|${m.name}`, m.id]));
    },

    /** One multi-row INSERT per table. */
    async insertRows(rows: DemoRows): Promise<void> {
      await db.insert(organisations).values(rows.organisations);
      await db.insert(programmes).values(rows.programmes);
      await db.insert(intakes).values(rows.intakes);
      await db.insert(streams).values(rows.streams);
      await db.insert(people).values(rows.people);
      await db.insert(enrolments).values(rows.enrolments);
      // Versions are immutable: if another feature published 2024-01 already, it is the same text.
      await db.insert(consentDocuments).values(rows.consentDocuments).onConflictDoNothing();
      await db.insert(consents).values(rows.consents);
      await db.insert(users).values(rows.users);
      await db.insert(roleGrants).values(rows.roleGrants);
    },
  };
}

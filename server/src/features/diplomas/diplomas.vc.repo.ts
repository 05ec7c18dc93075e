import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { diplomaVcCredentials } from '../../db/schema/index.ts';

type Executor = Pick<Database, 'select' | 'insert' | 'update'>;

export type VcCredentialRow = typeof diplomaVcCredentials.$inferSelect;

/** SQL of the credentials issued through the VC API (the registry beside diplomas). */
export function createVcCredentialsRepo(db: Executor) {
  return {
    async byCredentialId(credentialId: string): Promise<VcCredentialRow | null> {
      const [row] = await db.select().from(diplomaVcCredentials).where(eq(diplomaVcCredentials.credentialId, credentialId));
      return row ?? null;
    },
    /** False when a credential with this id exists already (unique credential_id). */
    async insert(values: typeof diplomaVcCredentials.$inferInsert): Promise<boolean> {
      const rows = await db.insert(diplomaVcCredentials).values(values).onConflictDoNothing({ target: diplomaVcCredentials.credentialId }).returning({ id: diplomaVcCredentials.id });
      return rows.length > 0;
    },
    async setRevocation(id: string, values: { revokedAt: Date | null; revocationReason: string | null }): Promise<void> {
      await db.update(diplomaVcCredentials).set(values).where(eq(diplomaVcCredentials.id, id));
    },
  };
}

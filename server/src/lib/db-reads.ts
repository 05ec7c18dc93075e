import { PgTransaction } from 'drizzle-orm/pg-core';

/**
 * Runs independent reads: all at once on the pool (each takes its own connection), one after another inside
 * a transaction. A transaction is one connection, which runs one statement at a time anyway; overlapping
 * calls on it only queue inside node-postgres, which warns about them now and will refuse them in pg 9.
 */
export async function readAll<T extends readonly unknown[]>(db: object, reads: { readonly [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}

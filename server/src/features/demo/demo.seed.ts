import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';

export async function seedDemoIfEmpty(_deps: { db: Database; log: FastifyBaseLogger }): Promise<{ accounts: string[] } | null> {
  return null;
}

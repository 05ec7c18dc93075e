import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { createIssuance } from './diplomas.issue.ts';
import { createKeyStore } from './diplomas.keys.ts';
import { createStatusLists } from './diplomas.status-list.ts';
import { createVerifier } from './diplomas.verify.ts';

/** What signing needs: the sealed key's opener and the URL credentials and status lists live under. */
export interface IssuerSetup {
  secretBox: SecretBox;
  publicUrl: string;
}

/**
 * The signing core of the feature (keys, status lists, verifier, issuance), built the same way by the
 * HTTP routes, the job workers (server and CLI) and the demo seeder.
 */
export function createDiplomaCore(deps: { db: Database; clock: Clock } & IssuerSetup) {
  const keys = createKeyStore({ db: deps.db, secretBox: deps.secretBox, clock: deps.clock });
  const statusLists = createStatusLists({ db: deps.db, keys, clock: deps.clock, publicUrl: deps.publicUrl });
  const verifier = createVerifier({ keys, statusLists, clock: deps.clock });
  const issuance = createIssuance({ db: deps.db, keys, statusLists, clock: deps.clock, publicUrl: deps.publicUrl });
  return { keys, statusLists, verifier, issuance };
}

export type DiplomaCore = ReturnType<typeof createDiplomaCore>;

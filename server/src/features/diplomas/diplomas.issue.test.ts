import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/database.ts';
import { buildPerson, buildProgrammeTree } from '../../../test/factories.ts';
import { connectDatabase, type DatabaseHandle } from '../../db/client.ts';
import { diplomaEligibilityOverrides } from '../../db/schema/index.ts';
import { createSecretBox } from '../../lib/secret-box.ts';
import { createDiplomaCore } from './diplomas.core.ts';
import { checkProof } from './diplomas.sign.ts';

/** More than two batches (ISSUE_BATCH is 100), so ranges, retries and resumption cross batch borders. */
const PEOPLE = 230;
const at = new Date('2025-06-05T12:00:00Z');

let handle: DatabaseHandle;
let streamId: string;
let core: ReturnType<typeof createDiplomaCore>;

const input = () => ({ streamId, validFrom: at.toISOString(), actorUserId: null, actorEmail: 'system' });
const noProgress = async () => {};

beforeAll(async () => {
  handle = connectDatabase(await createTestDatabase(), { max: 10 });
  const tree = await buildProgrammeTree(handle.db);
  streamId = tree.streams[0]!.id;
  for (let i = 0; i < PEOPLE; i += 1) {
    const person = await buildPerson(handle.db, { lastName: `Фамилия${i}`, email: i % 3 ? `p${i}@example.test` : null, streamIds: [streamId] });
    await handle.db.insert(diplomaEligibilityOverrides).values({ streamId, personId: person.id, isEligible: true, reason: 'test', decidedAt: at });
  }
  core = createDiplomaCore({ db: handle.db, clock: { now: () => at }, secretBox: createSecretBox('test-secret-test-secret-test-secret-0123'), publicUrl: 'https://school.example' });
});
afterAll(async () => handle?.close());

async function registry() {
  const result = await handle.db.execute<{ registry_number: string; status_index: number; person_id: string; credential: Record<string, unknown> }>(
    sql`select registry_number, status_index, person_id, credential from diplomas where stream_id = ${streamId} order by registry_number`,
  );
  return result.rows;
}

describe('bulk issuance in batches', () => {
  it('loses only the batch in flight when a run dies, and the reruns (even two at once) finish it without duplicates or gaps', async () => {
    let calls = 0;
    // The run dies after its first batch committed (progress is reported after each batch).
    const dying = async () => {
      calls += 1;
      if (calls === 2) throw new Error('worker died');
    };
    await expect(core.issuance.issueStream(input(), null, dying)).rejects.toThrow('worker died');
    expect(await registry()).toHaveLength(100);

    const [first, second] = await Promise.all([core.issuance.issueStream(input(), null, noProgress), core.issuance.issueStream(input(), null, noProgress)]);
    expect(first.issued + second.issued).toBe(PEOPLE - 100);
    expect((await core.issuance.issueStream(input(), null, noProgress)).issued).toBe(0);

    const rows = await registry();
    expect(rows).toHaveLength(PEOPLE);
    expect(new Set(rows.map((r) => r.person_id)).size).toBe(PEOPLE);
    // Registry numbers and status entries are consecutive: a batch that lost its race rolled them back.
    expect(rows.map((r) => Number(r.registry_number.split('-').at(-1)))).toEqual(Array.from({ length: PEOPLE }, (_v, i) => i + 1));
    expect(rows.map((r) => r.status_index).sort((a, b) => a - b)).toEqual(Array.from({ length: PEOPLE }, (_v, i) => i));
    const audits = await handle.db.execute<{ count: number }>(sql`select count(*)::int as count from audit_log where action = 'diploma.issue'`);
    expect(audits.rows[0]!.count).toBe(PEOPLE);
  });

  it('signs each diploma with its own registry number and status entry, verifiable', async () => {
    const rows = await registry();
    for (const row of [rows[0]!, rows[99]!, rows[100]!, rows.at(-1)!]) {
      const subject = row.credential.credentialSubject as { licenseNumber: string };
      const status = row.credential.credentialStatus as { statusListIndex: string };
      expect(subject.licenseNumber).toBe(row.registry_number);
      expect(status.statusListIndex).toBe(String(row.status_index));
      expect(await checkProof(row.credential, core.verifier.documentLoader, at)).toEqual({ isValid: true });
    }
  });
});

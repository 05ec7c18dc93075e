import type { Database } from '../../db/client.ts';
import { SYSTEM_ACTOR } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { evaluateEligibility } from '../diplomas/diplomas.eligibility.ts';
import { createDiplomaCore, type IssuerSetup } from '../diplomas/diplomas.core.ts';
import { createDiplomasRepo } from '../diplomas/diplomas.repo.ts';
import type { DemoRows, Executor } from './demo.repo.ts';
import { mulberry32 } from './prng.ts';

/** The ceremony at Senezh: module 6's last day. */
const CEREMONY_DAY = '2025-06-05';
const REVOCATIONS = [
  { at: '2025-09-15T09:00:00Z', reasonRu: 'Ошибка в фамилии выпускника: диплом переоформлен по заявлению', reasonEn: 'misspelt surname, reissued on request' },
  { at: '2025-11-03T09:00:00Z', reasonRu: 'Решение аттестационной комиссии: требования программы не выполнены', reasonEn: 'completion requirements not met' },
];

/**
 * Diplomas of the article's intake: every eligible graduate of streams 3 and 4 (by the completion rules,
 * as the schedule and assignments demos leave them) gets one dated at the ceremony on 5 June 2025, and
 * two are revoked later with their reasons. Signed with the app's key, sealed with the `issuer`'s secret
 * box; without an issuer (a caller that has no app secret at hand) no diplomas are issued.
 */
export async function seedDiplomasDemo(tx: Executor, rows: DemoRows, issuer: IssuerSetup | undefined): Promise<{ issued: number; revoked: number }> {
  if (!issuer) return { issued: 0, revoked: 0 };
  const db = tx as unknown as Database;
  const repo = createDiplomasRepo(db);
  const programme = rows.programmes.find((p) => p.slug === 'school-of-mayors')!;
  const intake = rows.intakes.find((i) => i.programmeId === programme.id && i.startsOn === '2024-10-08')!;
  const streams = rows.streams.filter((s) => s.intakeId === intake.id && (s.number === 3 || s.number === 4));
  let now = new Date(`${CEREMONY_DAY}T12:00:00Z`);
  const clock: Clock = { now: () => now };
  const { statusLists, issuance } = createDiplomaCore({ db, clock, ...issuer });

  const issuedIds: string[] = [];
  for (const row of streams) {
    const stream = (await repo.streamContext(row.id!))!;
    const validFrom = stream.ceremonyAt ?? now;
    now = validFrom;
    const eligible = (await evaluateEligibility(db, { streamId: stream.streamId, thresholdPct: stream.thresholdPct, at: validFrom })).filter((p) => p.isEligible);
    for (const person of eligible) {
      const id = await issuance.issueOne({ stream, person, validFrom, actor: SYSTEM_ACTOR, jobRunId: null });
      if (id) issuedIds.push(id);
    }
  }

  const rng = mulberry32(2025_06_05);
  const revoked = new Set<string>();
  for (const revocation of REVOCATIONS) {
    if (issuedIds.length <= revoked.size) break;
    let id = issuedIds[Math.floor(rng() * issuedIds.length)]!;
    while (revoked.has(id)) id = issuedIds[Math.floor(rng() * issuedIds.length)]!;
    revoked.add(id);
    now = new Date(revocation.at);
    const diploma = (await repo.diplomaView(id))!;
    await repo.setRevocation(id, { revokedAt: now, revocationReason: revocation.reasonRu });
    await repo.insertStatusEvent({ diplomaId: id, action: 'revoked', reason: revocation.reasonRu, at: now, actorUserId: null });
    await statusLists.resign(db, diploma.statusListId);
    await recordAudit(db, { actor: SYSTEM_ACTOR, action: 'diploma.revoke', entity: 'diploma', entityId: id, details: { reason: revocation.reasonRu, registryNumber: diploma.registryNumber } });
  }
  return { issued: issuedIds.length, revoked: revoked.size };
}

import type { Database } from '../../db/client.ts';
import { evaluateCompletion } from '../completion/completion.evaluate.ts';
import { fullName } from '../people/roster.service.ts';
import { createDiplomasRepo } from './diplomas.repo.ts';
import { readAll } from '../../lib/db-reads.ts';

/** Which rules decide eligibility: the completion capability (attendance, assignments, project defence, exceptions). */
export const ELIGIBILITY_RULES_SOURCE = 'completion' as const;

export interface EligibilityRow {
  personId: string;
  enrolmentId: string;
  fullName: string;
  email: string | null;
  regionCode: string | null;
  attendancePct: number;
  isEligibleByRules: boolean;
  override: { isEligible: boolean; reason: string; decidedAt: Date } | null;
  isEligible: boolean;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * THE eligibility rule of the diplomas feature, in one place: a participant (not withdrawn) is eligible
 * when the programme's completion rules say they completed the stream (features/completion: attendance
 * at the threshold, required assignments passed, project defended, or a completion exception); a
 * diploma-specific staff override, recorded with its reason, wins either way. The attendance percentage
 * shown beside it counts the sessions that ended before `at`, excused ones left out.
 */
export async function evaluateEligibility(db: Database, options: { streamId: string; thresholdPct: number; at: Date; personIds?: string[] }): Promise<EligibilityRow[]> {
  const repo = createDiplomasRepo(db);
  const [participants, overrides, completion] = await readAll(db, [
    () => repo.participantCompletion(options.streamId, options.at, options.personIds),
    () => repo.overridesOfStream(options.streamId),
    () => evaluateCompletion(db, options.streamId, { now: options.at }),
  ] as const);
  const overrideOf = new Map(overrides.map((o) => [o.personId, o]));
  const completedOf = new Map(completion.items.map((c) => [c.personId, c.isEligible]));
  return participants.map((p) => {
    const counted = p.past - p.excused;
    const attendancePct = counted <= 0 ? 0 : round1((p.attended / counted) * 100);
    const isEligibleByRules = completedOf.get(p.personId) === true;
    const o = overrideOf.get(p.personId);
    const override = o ? { isEligible: o.isEligible, reason: o.reason, decidedAt: o.decidedAt } : null;
    return {
      personId: p.personId,
      enrolmentId: p.enrolmentId,
      fullName: fullName({ lastName: p.lastName, firstName: p.firstName, middleName: p.middleName }),
      email: p.email,
      regionCode: p.regionCode,
      attendancePct,
      isEligibleByRules,
      override,
      isEligible: override ? override.isEligible : isEligibleByRules,
    };
  });
}

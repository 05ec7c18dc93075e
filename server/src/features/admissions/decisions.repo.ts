import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { admissionApplications, admissionCampaigns, enrolments, people, streams, users } from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';
import { APPLICANT_LETTER_COLUMNS } from './applicant-letter.repo.ts';

/** Decisions that get a letter (a decline is the applicant's own act). */
const NOTIFIABLE = sql`${admissionApplications.decision} in ('admitted', 'reserve', 'rejected')`;

/** Notification of decisions, enrolment of the admitted, declines and the reserve list. */
export function createDecisionsRepo(db: Executor) {
  return {
    /** The next decided, not yet notified applications, with what the letter needs. */
    nextToNotify(campaignId: string, limit: number) {
      return db
        .select({
          id: admissionApplications.id,
          decision: admissionApplications.decision,
          ...APPLICANT_LETTER_COLUMNS,
        })
        .from(admissionApplications)
        .innerJoin(people, eq(people.id, admissionApplications.personId))
        .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, admissionApplications.campaignId))
        .leftJoin(users, eq(users.id, admissionApplications.userId))
        .where(and(eq(admissionApplications.campaignId, campaignId), NOTIFIABLE, isNull(admissionApplications.notifiedAt)))
        .orderBy(asc(admissionApplications.id))
        .limit(limit);
    },

    async countToNotify(campaignId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(admissionApplications)
        .where(and(eq(admissionApplications.campaignId, campaignId), NOTIFIABLE, isNull(admissionApplications.notifiedAt)));
      return row?.n ?? 0;
    },

    async markNotified(ids: string[], now: Date) {
      if (ids.length === 0) return;
      await db
        .update(admissionApplications)
        .set({ notifiedAt: now })
        .where(sql`${admissionApplications.id} = any(${sql.param(ids)}::uuid[])`);
    },

    streamsOf(intakeId: string) {
      return db.select({ id: streams.id }).from(streams).where(eq(streams.intakeId, intakeId)).orderBy(asc(streams.number));
    },

    /** Admitted applications not yet enrolled, with region and birth date for balancing. */
    listAdmitted(campaignId: string) {
      return db
        .select({ id: admissionApplications.id, personId: admissionApplications.personId, regionCode: admissionApplications.regionCode, birthDate: admissionApplications.birthDate })
        .from(admissionApplications)
        .where(and(eq(admissionApplications.campaignId, campaignId), eq(admissionApplications.status, 'admitted')))
        .orderBy(asc(admissionApplications.regionCode), asc(admissionApplications.birthDate), asc(admissionApplications.id));
    },

    /** Enrols everyone at once (a person already in the stream is left as is) and marks the applications. */
    async enrol(assignments: Array<{ applicationId: string; personId: string; streamId: string }>, now: Date) {
      if (assignments.length === 0) return;
      await db.execute(sql`
        insert into ${enrolments} (person_id, stream_id, enrolled_at)
        select p, s, ${now.toISOString()}::timestamptz from unnest(${sql.param(assignments.map((a) => a.personId))}::uuid[], ${sql.param(assignments.map((a) => a.streamId))}::uuid[]) as t(p, s)
        on conflict do nothing`);
      await db
        .update(admissionApplications)
        .set({ status: 'enrolled', updatedAt: now })
        .where(sql`${admissionApplications.id} = any(${sql.param(assignments.map((a) => a.applicationId))}::uuid[])`);
    },

    async findApplication(campaignId: string, id: string) {
      const [row] = await db
        .select()
        .from(admissionApplications)
        .where(and(eq(admissionApplications.id, id), eq(admissionApplications.campaignId, campaignId)))
        .for('update');
      return row ?? null;
    },

    /** The reserve list, best first. */
    listReserve(campaignId: string) {
      return db
        .select({ id: admissionApplications.id, regionCode: admissionApplications.regionCode })
        .from(admissionApplications)
        .where(and(eq(admissionApplications.campaignId, campaignId), eq(admissionApplications.status, 'reserve')))
        .orderBy(asc(admissionApplications.rankPosition), asc(admissionApplications.id));
    },

    async admittedInRegion(campaignId: string, regionCode: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(admissionApplications)
        .where(and(eq(admissionApplications.campaignId, campaignId), eq(admissionApplications.regionCode, regionCode), sql`${admissionApplications.status} in ('admitted', 'enrolled')`));
      return row?.n ?? 0;
    },

    async setOutcome(id: string, values: { status: string; decision: string; decisionReason: string; decidedAt: Date; decidedBy: string | null }) {
      await db
        .update(admissionApplications)
        .set({ ...values, notifiedAt: null, updatedAt: values.decidedAt })
        .where(eq(admissionApplications.id, id));
    },
  };
}

import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  admissionApplications,
  admissionCampaigns,
  admissionDocuments,
  admissionExpertReviews,
  admissionInterviewBookings,
  admissionInterviewPanel,
  admissionInterviewScores,
  admissionInterviewSlots,
  admissionTestAnswers,
  admissionTestAttempts,
  intakes,
  municipalities,
  people,
  programmes,
  regions,
  users,
} from '../../db/schema/index.ts';
import type { Executor } from '../programmes/programmes.repo.ts';

const nominator = alias(users, 'nominator');

/** Everything staff read about one application: every query is scoped by the application's id. */
export function createStaffApplicationRepo(db: Executor) {
  return {
    /**
     * The application of the campaign with its person, place names, nominator and the campaign's path
     * (organisation, programme) for the access check. Another campaign's application is not found.
     */
    async findApplication(campaignId: string, applicationId: string) {
      const [row] = await db
        .select({
          application: admissionApplications,
          person: people,
          regionNameRu: regions.nameRu,
          regionNameEn: regions.nameEn,
          municipalityName: municipalities.name,
          nominatedByName: nominator.displayName,
          campaignTitleRu: admissionCampaigns.titleRu,
          campaignTitleEn: admissionCampaigns.titleEn,
          programmeId: intakes.programmeId,
          organisationId: programmes.organisationId,
        })
        .from(admissionApplications)
        .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, admissionApplications.campaignId))
        .innerJoin(intakes, eq(intakes.id, admissionCampaigns.intakeId))
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .innerJoin(people, eq(people.id, admissionApplications.personId))
        .leftJoin(regions, eq(regions.code, admissionApplications.regionCode))
        .leftJoin(municipalities, eq(municipalities.id, admissionApplications.municipalityId))
        .leftJoin(nominator, eq(nominator.id, admissionApplications.nominatedBy))
        .where(and(eq(admissionApplications.id, applicationId), eq(admissionApplications.campaignId, campaignId)));
      return row ?? null;
    },

    /** The test sitting and how many questions were answered. */
    async findAttempt(applicationId: string) {
      const [row] = await db
        .select({
          ...getTableColumns(admissionTestAttempts),
          answered: sql<number>`(select count(*)::int from ${admissionTestAnswers} where ${admissionTestAnswers.attemptId} = ${admissionTestAttempts.id})`,
        })
        .from(admissionTestAttempts)
        .where(eq(admissionTestAttempts.applicationId, applicationId));
      return row ?? null;
    },

    /** The expert scorings, by round, with the scorer's display name. */
    listReviews(applicationId: string) {
      return db
        .select({ review: admissionExpertReviews, expertName: users.displayName })
        .from(admissionExpertReviews)
        .innerJoin(users, eq(users.id, admissionExpertReviews.expertUserId))
        .where(eq(admissionExpertReviews.applicationId, applicationId))
        .orderBy(asc(admissionExpertReviews.round), asc(admissionExpertReviews.assignedAt));
    },

    /** The booked interview slot with its panel's names, or null. */
    async findInterview(applicationId: string) {
      const [row] = await db
        .select({
          slot: admissionInterviewSlots,
          panel: sql<string[]>`coalesce((select array_agg(u.display_name order by u.display_name) from ${admissionInterviewPanel} p join ${users} u on u.id = p.user_id where p.slot_id = ${admissionInterviewSlots.id}), '{}')`,
        })
        .from(admissionInterviewBookings)
        .innerJoin(admissionInterviewSlots, eq(admissionInterviewSlots.id, admissionInterviewBookings.slotId))
        .where(eq(admissionInterviewBookings.applicationId, applicationId));
      return row ?? null;
    },

    listInterviewScores(applicationId: string) {
      return db
        .select({ score: admissionInterviewScores, expertName: users.displayName })
        .from(admissionInterviewScores)
        .innerJoin(users, eq(users.id, admissionInterviewScores.expertUserId))
        .where(eq(admissionInterviewScores.applicationId, applicationId))
        .orderBy(asc(admissionInterviewScores.scoredAt));
    },

    /** One document of the application with its bytes; another application's document is not found. */
    async findDocument(applicationId: string, documentId: string) {
      const [row] = await db
        .select()
        .from(admissionDocuments)
        .where(and(eq(admissionDocuments.id, documentId), eq(admissionDocuments.applicationId, applicationId)));
      return row ?? null;
    },

    /** Every document of the application with its bytes (at most 5 × 5 MB by the upload limits). */
    listDocumentsWithContent(applicationId: string) {
      return db.select().from(admissionDocuments).where(eq(admissionDocuments.applicationId, applicationId)).orderBy(asc(admissionDocuments.createdAt), asc(admissionDocuments.id));
    },
  };
}

import type { OwnInterview } from '@ms/contracts/admission-interviews';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { admissionApplications, admissionCampaigns } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Locale } from '../../lib/messages.ts';
import { isOwnApplication } from './admissions.policy.ts';
import { buildInterviewCalendar } from './interviews.ics.ts';
import { createInterviewsRepo } from './interviews.repo.ts';

/**
 * The applicant's own interview: the slot they are booked into (time, length, place or link, the panel's
 * size — never its members' names or anyone's scores) and the same slot as an .ics file. Someone else's
 * application answers 404, like an unknown one.
 */
export function createApplicantInterviewService(deps: { db: Database; clock: Clock; config: { publicUrl: string; timeZone: string } }) {
  const { db } = deps;
  const repo = createInterviewsRepo(db);

  async function ownBooking(actor: Actor, applicationId: string) {
    const [row] = await db
      .select({ userId: admissionApplications.userId, personId: admissionApplications.personId, titleRu: admissionCampaigns.titleRu, titleEn: admissionCampaigns.titleEn })
      .from(admissionApplications)
      .innerJoin(admissionCampaigns, eq(admissionCampaigns.id, admissionApplications.campaignId))
      .where(eq(admissionApplications.id, applicationId));
    if (!row || !isOwnApplication(actor, row)) throw new AppError('not_found');
    return { campaign: row, booking: await repo.bookedSlotOf(applicationId) };
  }

  return {
    async getOwnInterview(actor: Actor, applicationId: string): Promise<OwnInterview> {
      const { booking } = await ownBooking(actor, applicationId);
      if (!booking) return { interview: null };
      const { slot, panelSize } = booking;
      return {
        interview: {
          slotId: slot.id,
          startsAt: slot.startsAt.toISOString(),
          endsAt: new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000).toISOString(),
          durationMinutes: slot.durationMinutes,
          place: slot.place,
          onlineUrl: slot.onlineUrl,
          panelSize,
          timeZone: deps.config.timeZone,
        },
      };
    },

    /** The booked slot as a one-event calendar; 404 when nothing is booked. */
    async ownInterviewCalendar(actor: Actor, applicationId: string, locale: Locale): Promise<{ fileName: string; body: string }> {
      const { campaign, booking } = await ownBooking(actor, applicationId);
      if (!booking) throw new AppError('not_found');
      const body = buildInterviewCalendar({
        slot: booking.slot,
        applicationId,
        campaignTitle: locale === 'en' ? campaign.titleEn : campaign.titleRu,
        timeZone: deps.config.timeZone,
        locale,
        statusUrl: `${deps.config.publicUrl}/my-applications/${applicationId}`,
        now: deps.clock.now(),
      });
      return { fileName: 'interview.ics', body };
    },
  };
}

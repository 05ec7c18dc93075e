import type { CreateSlotBody, InterviewBoard, MyInterviews } from '@ms/contracts/admission-interviews';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { admissionApplications } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Mailer } from '../../lib/mailer.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { sendInterviewLetters, type InterviewLetter, type Recipient } from './interviews.mail.ts';
import { createInterviewsRepo } from './interviews.repo.ts';
import { checkSlotBody, fullName, loadBoard, slotBase, type Meta } from './interviews.shared.ts';

/** What the interview services need besides the database. */
export interface InterviewDeps {
  db: Database;
  clock: Clock;
  campaigns: CampaignsService;
  mailer: Mailer;
  config: { publicUrl: string; timeZone: string };
}

/**
 * Interviews: staff create slots (time, place or link, capacity, a panel of the programme's experts)
 * and book candidates into them (who are invited by e-mail); each panel member scores their candidates
 * (0–100), and the panel's mean is the application's interview score, which the ranking reads.
 * Changing and deleting slots, and the candidate picker, are in interviews.slots.ts.
 */
export function createInterviewsService(deps: InterviewDeps) {
  const { db, clock } = deps;
  const repo = createInterviewsRepo(db);

  return {
    async getBoard(actor: Actor, campaignId: string, meta: Meta): Promise<InterviewBoard> {
      await deps.campaigns.managedCampaign(actor, campaignId);
      const result = await loadBoard(db, campaignId);
      await recordAudit(db, { actor, action: 'admission.read_interviews', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip });
      return result;
    },

    async createSlot(actor: Actor, campaignId: string, body: CreateSlotBody, meta: Meta): Promise<InterviewBoard> {
      const row = await deps.campaigns.managedCampaign(actor, campaignId);
      const panel = await checkSlotBody(db, body, row);
      await db.transaction(async (tx) => {
        const slot = await createInterviewsRepo(tx).insertSlot(
          { campaignId, startsAt: new Date(body.startsAt), durationMinutes: body.durationMinutes, place: body.place ?? null, onlineUrl: body.onlineUrl ?? null, capacity: body.capacity },
          panel,
        );
        await recordAudit(tx, { actor, action: 'admission.create_interview_slot', entity: 'admission_interview_slot', entityId: slot.id, ip: meta.ip, details: { campaignId } });
      });
      return loadBoard(db, campaignId);
    },

    /**
     * Books a candidate of the campaign into a slot (moving an earlier booking), within its capacity. The
     * candidate is told by e-mail (invited, or moved from the earlier slot) when the slot is still ahead.
     */
    async book(actor: Actor, campaignId: string, slotId: string, applicationId: string, meta: Meta): Promise<InterviewBoard> {
      const row = await deps.campaigns.managedCampaign(actor, campaignId);
      const letter = await db.transaction(async (tx): Promise<{ recipients: Recipient[]; letter: InterviewLetter } | null> => {
        const txRepo = createInterviewsRepo(tx);
        const slot = await txRepo.lockSlot(campaignId, slotId);
        if (!slot) throw new AppError('not_found');
        const [application] = await tx.select().from(admissionApplications).where(eq(admissionApplications.id, applicationId));
        if (!application || application.campaignId !== campaignId) throw new AppError('not_found');
        const isInStage = application.isEligible === true && (row.campaign.hasNominationGate ? application.status === 'nominated' : ['submitted', 'nominated'].includes(application.status));
        if (!isInStage) throw new AppError('conflict', { fields: [{ path: 'body.applicationId', key: 'admissions.interview_not_candidate' }] });
        if ((await txRepo.countBooked(slotId, applicationId)) >= slot.capacity) throw new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.interview_slot_full' }] });
        const earlier = await txRepo.bookedSlotOf(applicationId);
        await txRepo.book({ applicationId, slotId, bookedAt: clock.now(), bookedBy: actor.userId });
        await recordAudit(tx, { actor, action: 'admission.book_interview', entity: 'admission_application', entityId: applicationId, ip: meta.ip, details: { slotId, fromSlotId: earlier?.slot.id ?? null } });
        if (earlier?.slot.id === slotId || slot.startsAt <= clock.now()) return null;
        const recipients = await txRepo.recipients({ applicationIds: [applicationId] });
        return { recipients, letter: earlier ? { kind: 'moved', slot, before: earlier.slot } : { kind: 'invited', slot } };
      });
      if (letter) await sendInterviewLetters({ mailer: deps.mailer, ...deps.config }, letter.recipients, letter.letter);
      return loadBoard(db, campaignId);
    },

    /** The panel member's slots, candidates and own scores. */
    async mine(actor: Actor, meta: Meta): Promise<MyInterviews> {
      if (!actor.userId) return { slots: [] };
      const rows = await repo.myPanelSlots(actor.userId);
      const ids = rows.map((r) => r.slot.id);
      const [panel, bookings] = await Promise.all([repo.panelOf(ids), repo.bookingsOf(ids)]);
      const mine = new Map((await repo.myScores(actor.userId, bookings.map((b) => b.application.id))).map((s) => [s.applicationId, s]));
      if (bookings.length > 0) await recordAudit(db, { actor, action: 'admission.read_my_interviews', entity: 'admission_interview_slot', ip: meta.ip, details: { candidates: bookings.length } });
      return {
        slots: rows.map(({ slot, campaignTitleRu, campaignTitleEn }) => ({
          ...slotBase(slot),
          campaignTitleRu,
          campaignTitleEn,
          panel: panel.filter((p) => p.slotId === slot.id).map((p) => ({ userId: p.userId, displayName: p.displayName })),
          candidates: bookings
            .filter((b) => b.slotId === slot.id)
            .map((b) => ({ applicationId: b.application.id, fullName: fullName(b), position: b.application.position, myScore: mine.get(b.application.id)?.score ?? null, myComment: mine.get(b.application.id)?.comment ?? null })),
        })),
      };
    },

    /** A panel member scores a candidate of their slot; anything else answers 404. */
    async score(actor: Actor, slotId: string, applicationId: string, body: { score: number; comment?: string | undefined }, meta: Meta): Promise<MyInterviews> {
      if (!actor.userId || !(await repo.isPanelCandidate(actor.userId, slotId, applicationId))) throw new AppError('not_found');
      const userId = actor.userId;
      await db.transaction(async (tx) => {
        const now = clock.now();
        const mean = await createInterviewsRepo(tx).saveScore({ applicationId, expertUserId: userId, score: body.score, comment: body.comment ?? null, scoredAt: now }, now);
        await recordAudit(tx, { actor, action: 'admission.score_interview', entity: 'admission_application', entityId: applicationId, ip: meta.ip, details: { score: body.score, interviewScore: mean } });
      });
      return this.mine(actor, meta);
    },
  };
}

import type { CreateSlotBody, InterviewBoard, MyInterviews } from '@ms/contracts/admission-interviews';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { admissionApplications } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { createExpertsRepo } from './experts.repo.ts';
import { createInterviewsRepo } from './interviews.repo.ts';

type Meta = { ip: string | null };
const fullName = (p: { lastName: string; firstName: string; middleName: string | null }) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
const slotBase = (slot: { id: string; startsAt: Date; durationMinutes: number; place: string | null; onlineUrl: string | null; capacity: number }) => ({
  id: slot.id,
  startsAt: slot.startsAt.toISOString(),
  durationMinutes: slot.durationMinutes,
  place: slot.place,
  onlineUrl: slot.onlineUrl,
  capacity: slot.capacity,
});

/**
 * Interviews: staff create slots (time, place or link, capacity, a panel of the programme's experts)
 * and book candidates into them; each panel member scores their candidates (0–100), and the panel's
 * mean is the application's interview score, which the ranking reads.
 */
export function createInterviewsService(deps: { db: Database; clock: Clock; campaigns: CampaignsService }) {
  const { db, clock } = deps;
  const repo = createInterviewsRepo(db);

  async function board(campaignId: string): Promise<InterviewBoard> {
    const slots = await repo.listSlots(campaignId);
    const ids = slots.map((s) => s.id);
    const [panel, bookings] = await Promise.all([repo.panelOf(ids), repo.bookingsOf(ids)]);
    const counts = await repo.scoreCounts(bookings.map((b) => b.application.id));
    return {
      slots: slots.map((slot) => ({
        ...slotBase(slot),
        panel: panel.filter((p) => p.slotId === slot.id).map((p) => ({ userId: p.userId, displayName: p.displayName })),
        candidates: bookings
          .filter((b) => b.slotId === slot.id)
          .map((b) => ({ applicationId: b.application.id, fullName: fullName(b), regionCode: b.application.regionCode, scores: counts.get(b.application.id) ?? 0, interviewScore: b.application.interviewScore })),
      })),
    };
  }

  return {
    async getBoard(actor: Actor, campaignId: string, meta: Meta): Promise<InterviewBoard> {
      await deps.campaigns.managedCampaign(actor, campaignId);
      const result = await board(campaignId);
      await recordAudit(db, { actor, action: 'admission.read_interviews', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip });
      return result;
    },

    async createSlot(actor: Actor, campaignId: string, body: CreateSlotBody, meta: Meta): Promise<InterviewBoard> {
      const row = await deps.campaigns.managedCampaign(actor, campaignId);
      if (!body.place && !body.onlineUrl) throw new AppError('validation', { fields: [{ path: 'body.place', key: 'admissions.interview_place_required' }] });
      const panel = [...new Set(body.panel)];
      const experts = new Set((await createExpertsRepo(db).expertCandidates(panel, row)).map((e) => e.userId));
      const problems = body.panel.flatMap((userId, index) => (experts.has(userId) ? [] : [{ path: `body.panel.${index}`, key: 'admissions.expert_not_expert' as const }]));
      if (problems.length > 0) throw new AppError('validation', { fields: problems });
      await db.transaction(async (tx) => {
        const slot = await createInterviewsRepo(tx).insertSlot(
          { campaignId, startsAt: new Date(body.startsAt), durationMinutes: body.durationMinutes, place: body.place ?? null, onlineUrl: body.onlineUrl ?? null, capacity: body.capacity },
          panel,
        );
        await recordAudit(tx, { actor, action: 'admission.create_interview_slot', entity: 'admission_interview_slot', entityId: slot.id, ip: meta.ip, details: { campaignId } });
      });
      return board(campaignId);
    },

    /** Books a candidate of the campaign into a slot (moving an earlier booking), within its capacity. */
    async book(actor: Actor, campaignId: string, slotId: string, applicationId: string, meta: Meta): Promise<InterviewBoard> {
      const row = await deps.campaigns.managedCampaign(actor, campaignId);
      await db.transaction(async (tx) => {
        const txRepo = createInterviewsRepo(tx);
        const slot = await txRepo.lockSlot(campaignId, slotId);
        if (!slot) throw new AppError('not_found');
        const [application] = await tx.select().from(admissionApplications).where(eq(admissionApplications.id, applicationId));
        if (!application || application.campaignId !== campaignId) throw new AppError('not_found');
        const isInStage = application.isEligible === true && (row.campaign.hasNominationGate ? application.status === 'nominated' : ['submitted', 'nominated'].includes(application.status));
        if (!isInStage) throw new AppError('conflict', { fields: [{ path: 'body.applicationId', key: 'admissions.interview_not_candidate' }] });
        if ((await txRepo.countBooked(slotId, applicationId)) >= slot.capacity) throw new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.interview_slot_full' }] });
        await txRepo.book({ applicationId, slotId, bookedAt: clock.now(), bookedBy: actor.userId });
        await recordAudit(tx, { actor, action: 'admission.book_interview', entity: 'admission_application', entityId: applicationId, ip: meta.ip, details: { slotId } });
      });
      return board(campaignId);
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

import type { InterviewBoard, InterviewCandidatePage, UpdateSlotBody } from '@ms/contracts/admission-interviews';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { isMaterialChange, sendInterviewLetters, type InterviewLetter, type Recipient, type SlotFacts } from './interviews.mail.ts';
import { createInterviewsRepo } from './interviews.repo.ts';
import type { InterviewDeps } from './interviews.service.ts';
import { checkSlotBody, fullName, loadBoard, type Meta } from './interviews.shared.ts';

const facts = (slot: SlotFacts): SlotFacts => ({ startsAt: slot.startsAt, durationMinutes: slot.durationMinutes, place: slot.place, onlineUrl: slot.onlineUrl });
const auditFacts = (slot: SlotFacts & { capacity: number }) => ({ ...facts(slot), startsAt: slot.startsAt.toISOString(), capacity: slot.capacity });
const hasCandidates = (count: number) => new AppError('conflict', { fields: [{ path: 'id', key: 'admissions.interview_slot_has_candidates', params: { count } }] });

/**
 * Staff change and delete slots, and find candidates to book. Moving or deleting a slot that has booked
 * candidates must be confirmed, and they are told by e-mail (only about slots still ahead: a letter about
 * an interview in the past helps nobody). A slot whose interviews took place and were scored stays.
 */
export function createSlotChangesService(deps: InterviewDeps & { auditBuffer: AuditBuffer }) {
  const { db, clock } = deps;
  const repo = createInterviewsRepo(db);
  const send = (letter: { recipients: Recipient[]; letter: InterviewLetter } | null) => (letter ? sendInterviewLetters({ mailer: deps.mailer, ...deps.config }, letter.recipients, letter.letter) : Promise.resolve());

  return {
    /** Changes a slot (time, length, place, link, capacity, panel); never below the candidates already booked. */
    async updateSlot(actor: Actor, campaignId: string, slotId: string, body: UpdateSlotBody, meta: Meta): Promise<InterviewBoard> {
      const row = await deps.campaigns.managedCampaign(actor, campaignId);
      const panel = await checkSlotBody(db, body, row);
      const letter = await db.transaction(async (tx) => {
        const txRepo = createInterviewsRepo(tx);
        const slot = await txRepo.lockSlot(campaignId, slotId);
        if (!slot) throw new AppError('not_found');
        const booked = await txRepo.countBooked(slotId, '');
        if (body.capacity < booked) throw new AppError('conflict', { fields: [{ path: 'body.capacity', key: 'admissions.interview_capacity_below_booked', params: { booked } }] });
        const after = { startsAt: new Date(body.startsAt), durationMinutes: body.durationMinutes, place: body.place ?? null, onlineUrl: body.onlineUrl ?? null, capacity: body.capacity };
        const isMoved = isMaterialChange(slot, after);
        if (isMoved && booked > 0 && !body.isConfirmed) throw hasCandidates(booked);
        await txRepo.updateSlot(slotId, after, panel);
        const isAhead = after.startsAt > clock.now();
        await recordAudit(tx, {
          actor,
          action: 'admission.update_interview_slot',
          entity: 'admission_interview_slot',
          entityId: slotId,
          ip: meta.ip,
          details: { campaignId, before: auditFacts(slot), after: { ...auditFacts(after), panel }, notified: isMoved && isAhead ? booked : 0 },
        });
        if (!isMoved || booked === 0 || !isAhead) return null;
        return { recipients: await txRepo.recipients({ slotId }), letter: { kind: 'moved', slot: after, before: facts(slot) } as InterviewLetter };
      });
      await send(letter);
      return loadBoard(db, campaignId);
    },

    /** Deletes a slot; its candidates become unbooked. Refused once its interviews took place and were scored. */
    async deleteSlot(actor: Actor, campaignId: string, slotId: string, isConfirmed: boolean, meta: Meta): Promise<InterviewBoard> {
      await deps.campaigns.managedCampaign(actor, campaignId);
      const letter = await db.transaction(async (tx) => {
        const txRepo = createInterviewsRepo(tx);
        const slot = await txRepo.lockSlot(campaignId, slotId);
        if (!slot) throw new AppError('not_found');
        const now = clock.now();
        if (slot.startsAt <= now && (await txRepo.slotHasScores(slotId))) throw new AppError('in_use', { fields: [{ path: 'params.slotId', key: 'admissions.interview_slot_scored' }] });
        const recipients = await txRepo.recipients({ slotId });
        if (recipients.length > 0 && !isConfirmed) throw hasCandidates(recipients.length);
        await txRepo.deleteSlot(slotId);
        const isAhead = slot.startsAt > now;
        await recordAudit(tx, {
          actor,
          action: 'admission.delete_interview_slot',
          entity: 'admission_interview_slot',
          entityId: slotId,
          ip: meta.ip,
          details: { campaignId, slot: auditFacts(slot), unbooked: recipients.map((r) => r.applicationId), notified: isAhead ? recipients.length : 0 },
        });
        return recipients.length > 0 && isAhead ? { recipients, letter: { kind: 'cancelled', before: facts(slot) } as InterviewLetter } : null;
      });
      await send(letter);
      return loadBoard(db, campaignId);
    },

    /** Takes one candidate off a slot (they are told when it was still ahead); refused once they were scored. */
    async unbook(actor: Actor, campaignId: string, slotId: string, applicationId: string, meta: Meta): Promise<InterviewBoard> {
      await deps.campaigns.managedCampaign(actor, campaignId);
      const letter = await db.transaction(async (tx) => {
        const txRepo = createInterviewsRepo(tx);
        const slot = await txRepo.lockSlot(campaignId, slotId);
        if (!slot) throw new AppError('not_found');
        if (await txRepo.hasScores(applicationId)) throw new AppError('in_use', { fields: [{ path: 'params.applicationId', key: 'admissions.interview_candidate_scored' }] });
        const recipients = await txRepo.recipients({ applicationIds: [applicationId] });
        if (!(await txRepo.unbook(slotId, applicationId))) throw new AppError('not_found');
        const isAhead = slot.startsAt > clock.now();
        await recordAudit(tx, { actor, action: 'admission.unbook_interview', entity: 'admission_application', entityId: applicationId, ip: meta.ip, details: { slotId, notified: isAhead } });
        return isAhead ? { recipients, letter: { kind: 'cancelled', before: facts(slot) } as InterviewLetter } : null;
      });
      await send(letter);
      return loadBoard(db, campaignId);
    },

    /** The picker: candidates of the interview stage by name or region, a page at a time (the unbooked first). */
    async candidates(actor: Actor, campaignId: string, query: { q?: string | undefined; page: number; pageSize: number }, meta: Meta): Promise<InterviewCandidatePage> {
      const row = await deps.campaigns.managedCampaign(actor, campaignId);
      const { items, total } = await repo.searchCandidates(campaignId, row.campaign.hasNominationGate, query);
      deps.auditBuffer.record({ actor, action: 'admission.interview_candidates_read', entity: 'admission_campaign', entityId: campaignId, ip: meta.ip, details: { rows: items.length } });
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: items.map((c) => ({
          applicationId: c.application.id,
          fullName: fullName(c),
          regionCode: c.application.regionCode,
          position: c.application.position,
          bookedSlotId: c.bookedSlotId,
          bookedStartsAt: c.bookedStartsAt?.toISOString() ?? null,
        })),
      };
    },
  };
}

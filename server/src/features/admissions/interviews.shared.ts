import type { CreateSlotBody, InterviewBoard } from '@ms/contracts/admission-interviews';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { CampaignPath } from './admissions.policy.ts';
import { createExpertsRepo } from './experts.repo.ts';
import { createInterviewsRepo } from './interviews.repo.ts';

export type Meta = { ip: string | null };

/** "Last First Middle", as Russian lists write a name. */
export const fullName = (p: { lastName: string; firstName: string; middleName: string | null }) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

/** The fields every view of a slot shares. */
export const slotBase = (slot: { id: string; startsAt: Date; durationMinutes: number; place: string | null; onlineUrl: string | null; capacity: number }) => ({
  id: slot.id,
  startsAt: slot.startsAt.toISOString(),
  durationMinutes: slot.durationMinutes,
  place: slot.place,
  onlineUrl: slot.onlineUrl,
  capacity: slot.capacity,
});

/** Staff's board: the campaign's slots with their panel, booked candidates and how many scores each has. */
export async function loadBoard(db: Database, campaignId: string): Promise<InterviewBoard> {
  const repo = createInterviewsRepo(db);
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

/** A slot needs a place or a link, and a panel of the programme's experts; returns the panel without repeats. */
export async function checkSlotBody(db: Database, body: CreateSlotBody, path: CampaignPath): Promise<string[]> {
  if (!body.place && !body.onlineUrl) throw new AppError('validation', { fields: [{ path: 'body.place', key: 'admissions.interview_place_required' }] });
  const panel = [...new Set(body.panel)];
  const experts = new Set((await createExpertsRepo(db).expertCandidates(panel, path)).map((e) => e.userId));
  const problems = body.panel.flatMap((userId, index) => (experts.has(userId) ? [] : [{ path: `body.panel.${index}`, key: 'admissions.expert_not_expert' as const }]));
  if (problems.length > 0) throw new AppError('validation', { fields: problems });
  return panel;
}

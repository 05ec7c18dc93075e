import { inArray } from 'drizzle-orm';
import { admissionInterviewPanel, admissionInterviewSlots, roleGrants, users } from '../../db/schema/index.ts';
import { DEMO_EMAIL_DOMAIN } from './catalogue.ts';
import type { DemoRows, Executor } from './demo.repo.ts';

/** Two of the 2024 campaign's experts also sit on the Perm school's interview panel. */
const PERM_PANEL = ['expert-ekb', 'expert-ufa'];

/**
 * The Perm school's open campaign: two interview slots in January 2027 (one in the regional government's
 * hall with a video link, one online only) with a panel of two experts, so that staff can book, move and
 * cancel interviews and an applicant can see theirs. No one is booked yet: the campaign has no applicants.
 */
export async function seedPermInterviewsDemo(tx: Executor, rows: DemoRows, campaignId: string): Promise<void> {
  const organisation = rows.organisations.find((o) => o.slug === 'perm-krai-government')!;
  const programme = rows.programmes.find((p) => p.slug === 'perm-school-of-mayors')!;
  const panel = await tx
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.email, PERM_PANEL.map((local) => `${local}@${DEMO_EMAIL_DOMAIN}`)));
  await tx.insert(roleGrants).values(panel.map((u) => ({ userId: u.id, role: 'expert', organisationId: organisation.id!, programmeId: programme.id! })));
  const slots = await tx
    .insert(admissionInterviewSlots)
    .values([
      { campaignId, startsAt: new Date('2027-01-20T06:00:00Z'), durationMinutes: 30, place: 'Пермь, ул. Куйбышева, 14, зал заседаний', onlineUrl: 'https://meet.example.org/perm-2027-a', capacity: 6 },
      { campaignId, startsAt: new Date('2027-01-21T09:00:00Z'), durationMinutes: 30, place: null, onlineUrl: 'https://meet.example.org/perm-2027-b', capacity: 6 },
    ])
    .returning({ id: admissionInterviewSlots.id });
  await tx.insert(admissionInterviewPanel).values(slots.flatMap((slot) => panel.map((u) => ({ slotId: slot.id, userId: u.id }))));
}

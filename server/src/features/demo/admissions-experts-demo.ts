import crypto from 'node:crypto';
import type { RubricCriterion } from '@ms/contracts/admission-experts';
import { admissionExpertReviews, admissionExpertStages, admissionExperts, roleGrants, users } from '../../db/schema/index.ts';
import { expertStageScore, needsThirdScoring, pickExperts, reviewTotal, type PoolMember } from '../admissions/expert-scoring.ts';
import { DEMO_EMAIL_DOMAIN } from './catalogue.ts';
import type { DemoRows, Executor } from './demo.repo.ts';
import { randomInt, type Rng } from './prng.ts';

const DAY_MS = 86_400_000;
const THRESHOLD = 20;
export const DEMO_RUBRIC: RubricCriterion[] = [
  { key: 'vision', titleRu: 'Видение развития муниципалитета', titleEn: 'Vision for the municipality', weight: 3, maxPoints: 10 },
  { key: 'realism', titleRu: 'Реалистичность и ресурсы', titleEn: 'Realism and resources', weight: 2, maxPoints: 10 },
  { key: 'leadership', titleRu: 'Управленческий опыт и лидерство', titleEn: 'Management experience and leadership', weight: 2, maxPoints: 10 },
  { key: 'clarity', titleRu: 'Ясность изложения', titleEn: 'Clarity', weight: 1, maxPoints: 10 },
];
/** The demo expert account (Moscow) and eight more scorers from other regions, so no essay goes to its own region. */
const EXTRA_EXPERTS: Array<[string, string, string]> = [
  ['expert-spb', 'Ольга Воронцова', 'RU-SPE'],
  ['expert-kzn', 'Ильдар Хайруллин', 'RU-TA'],
  ['expert-nsk', 'Андрей Лебедев', 'RU-NVS'],
  ['expert-ekb', 'Татьяна Некрасова', 'RU-SVE'],
  ['expert-krd', 'Сергей Гончаренко', 'RU-KDA'],
  ['expert-vld', 'Елена Ким', 'RU-PRI'],
  ['expert-rnd', 'Виктор Самойлов', 'RU-ROS'],
  ['expert-ufa', 'Гульнара Яруллина', 'RU-BA'],
];

/**
 * The 2024 campaign's expert stage: the rubric, a pool of nine experts, and for every nominee two blind
 * scorings (a third where they differ by more than 20) whose result is the nominee's expert score.
 * `isStrong` nominees (the admitted) get 7–10 points per criterion, the rest 2–6, so the ranking keeps
 * the 160. Returns the expert score per application id and a writer for the scorings.
 */
export async function seedExpertStageDemo(tx: Executor, rows: DemoRows, rng: Rng, campaignId: string, nominees: Array<{ id: string; regionCode: string; isStrong: boolean }>) {
  const organisation = rows.organisations.find((o) => o.slug === 'ranepa-vshgu')!;
  const programme = rows.programmes.find((p) => p.slug === 'school-of-mayors')!;
  const extra = EXTRA_EXPERTS.map(([local, displayName, regionCode]) => ({ id: crypto.randomUUID(), email: `${local}@${DEMO_EMAIL_DOMAIN}`, displayName, regionCode }));
  await tx.insert(users).values(extra.map(({ regionCode: _r, ...u }) => u));
  await tx.insert(roleGrants).values(extra.map((u) => ({ userId: u.id, role: 'expert', organisationId: organisation.id!, programmeId: programme.id! })));
  const mainExpert = rows.users.find((u) => u.email === `expert@${DEMO_EMAIL_DOMAIN}`)!;
  const pool: PoolMember[] = [{ userId: mainExpert.id!, regionCode: 'RU-MOW' }, ...extra.map((u) => ({ userId: u.id, regionCode: u.regionCode }))];
  const dueAt = new Date('2024-09-01T20:59:00Z');
  await tx.insert(admissionExpertStages).values({
    campaignId,
    kind: 'essay',
    taskRu: 'Мотивационное эссе: какие изменения вы проведёте в своём муниципалитете за три года и почему.',
    taskEn: 'Motivation essay: which changes you will make in your municipality in three years, and why.',
    rubric: DEMO_RUBRIC,
    discrepancyThreshold: THRESHOLD,
    dueAt,
    updatedAt: new Date('2024-08-05T09:00:00Z'),
  });
  await tx.insert(admissionExperts).values(pool.map((p) => ({ ...p, campaignId, createdAt: new Date('2024-08-05T09:00:00Z') })));

  const load = new Map<string, number>();
  const reviews: Array<typeof admissionExpertReviews.$inferInsert> = [];
  const scores = new Map<string, number>();
  const assignedAt = new Date('2024-08-05T10:00:00Z');
  // pickExperts breaks ties by hashing the application's and the expert's ids, which are random UUIDs here:
  // pick on stable keys (the nominee's place in the list, the expert's e-mail) so every start assigns the
  // same experts to the same applicants.
  const emailOf = new Map([[mainExpert.id!, mainExpert.email], ...extra.map((u) => [u.id, u.email] as const)]);
  const idOfEmail = new Map([...emailOf].map(([id, email]) => [email, id]));
  const stablePool = pool.map((p) => ({ ...p, userId: emailOf.get(p.userId)! }));
  const pick = (key: string, regionCode: string, exclude: ReadonlySet<string>, count: number) =>
    pickExperts({ id: key, regionCode }, stablePool, load, exclude, count).map((email) => idOfEmail.get(email)!);
  for (const [index, nominee] of nominees.entries()) {
    const [low, high] = nominee.isStrong ? [7, 10] : [2, 6];
    const score = (round: number, expertUserId: string) => {
      const points = Object.fromEntries(DEMO_RUBRIC.map((c) => [c.key, randomInt(rng, low, high)]));
      const total = reviewTotal(DEMO_RUBRIC, points);
      reviews.push({ campaignId, applicationId: nominee.id, expertUserId, round, assignedAt, dueAt, points, total, comment: '', submittedAt: new Date(assignedAt.getTime() + randomInt(rng, 1, 25) * DAY_MS) });
      return total;
    };
    const picked = pick(`nominee-${index}`, nominee.regionCode, new Set(), 2);
    const totals = picked.map((expertUserId, i) => score(i + 1, expertUserId));
    if (needsThirdScoring(totals[0]!, totals[1]!, THRESHOLD)) {
      const [third] = pick(`nominee-${index}`, nominee.regionCode, new Set(picked.map((id) => emailOf.get(id)!)), 1);
      totals.push(score(3, third!));
    }
    scores.set(nominee.id, expertStageScore(totals, THRESHOLD, false)!);
  }
  return {
    scores,
    /** Writes the scorings; call after the applications they point at are inserted. */
    async insertReviews() {
      for (let i = 0; i < reviews.length; i += 1000) await tx.insert(admissionExpertReviews).values(reviews.slice(i, i + 1000));
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, signIn, type TestApp } from '../../../test/app.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './catalogue.ts';
import { DEMO_RANKING_CONFIG } from './admissions-demo.ts';
import { seedDemoIfEmpty } from './demo.seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemoIfEmpty({ db: t.db, log: t.app.log });
}, 120_000);
afterAll(async () => t?.close());

/** Nominees of the 2024 campaign (the regions' quotas bind before the cap of 565). */
const NOMINATED = 454;

const one = async <T>(query: ReturnType<typeof sql>) => (await t.db.execute(query)).rows[0] as T;

describe('admissions demo', () => {
  it('has 640 applications from all 89 regions, nominees within quotas and exactly the 160 participants admitted', async () => {
    const facts = await one<{ applications: number; nominated: number; admitted: number; matches: number; reserve: number; regions: number }>(sql`
      select count(*)::int as applications,
             count(*) filter (where a.nominated_at is not null)::int as nominated,
             count(*) filter (where a.decision = 'admitted')::int as admitted,
             count(*) filter (where a.decision = 'admitted' and exists (
               select 1 from enrolments e join streams s on s.id = e.stream_id
               where e.person_id = a.person_id and s.intake_id = c.intake_id))::int as matches,
             count(*) filter (where a.status = 'reserve')::int as reserve,
             count(distinct a.region_code)::int as regions
      from admission_applications a join admission_campaigns c on c.id = a.campaign_id
      where c.slug = 'school-of-mayors-2024'`);
    expect(facts).toEqual({ applications: 640, nominated: NOMINATED, admitted: 160, matches: 160, reserve: 20, regions: 89 });
    const overQuota = await one<{ n: number }>(sql`
      select count(*)::int as n from (
        select a.region_code, count(*) as used, coalesce(q.nomination_quota, c.default_nomination_quota) as quota
        from admission_applications a join admission_campaigns c on c.id = a.campaign_id
        left join admission_region_quotas q on q.campaign_id = c.id and q.region_code = a.region_code
        where c.slug = 'school-of-mayors-2024' and a.nominated_at is not null
        group by a.region_code, q.nomination_quota, c.default_nomination_quota) t
      where used > quota`);
    expect(overQuota.n).toBe(0);
  });

  it('scores every nominee blind by two experts of other regions (three on a wide gap) into the expert score', async () => {
    const facts = await one<{ nominees: number; scored: number; ownRegion: number; short: number; third: number; mismatched: number }>(sql`
      with n as (
        select a.id, a.region_code, a.expert_score from admission_applications a join admission_campaigns c on c.id = a.campaign_id
        where c.slug = 'school-of-mayors-2024' and a.nominated_at is not null),
      r as (
        select n.id, count(*) as reviews, count(*) filter (where e.region_code = n.region_code) as own,
               count(*) filter (where r.round = 3) as third,
               avg(r.total) filter (where r.round < 3) as pair
        from n join admission_expert_reviews r on r.application_id = n.id
        join admission_experts e on e.campaign_id = r.campaign_id and e.user_id = r.expert_user_id
        group by n.id)
      select (select count(*) from n)::int as nominees,
             (select count(*) from n where expert_score is not null)::int as scored,
             coalesce(sum(own), 0)::int as "ownRegion",
             count(*) filter (where reviews < 2)::int as short,
             coalesce(sum(third), 0)::int as third,
             count(*) filter (where third = 0 and abs(pair - (select expert_score from n where n.id = r.id)) > 0.01)::int as mismatched
      from r`);
    expect(facts).toMatchObject({ nominees: NOMINATED, scored: NOMINATED, ownRegion: 0, short: 0, mismatched: 0 });
    expect(facts.third).toBeGreaterThan(0);
  });

  it('gives every 2024 applicant an essay of their own, and the Perm campaign two interview slots with a panel', async () => {
    const essays = await one<{ n: number; distinct: number; shortest: number }>(sql`
      select count(*)::int as n, count(distinct a.motivation)::int as distinct, min(length(a.motivation))::int as shortest
      from admission_applications a join admission_campaigns c on c.id = a.campaign_id where c.slug = 'school-of-mayors-2024'`);
    expect(essays).toMatchObject({ n: 640, distinct: 640 });
    expect(essays.shortest).toBeGreaterThan(600);
    const slots = await one<{ slots: number; panel: number }>(sql`
      select count(distinct s.id)::int as slots, count(p.user_id)::int as panel
      from admission_interview_slots s join admission_campaigns c on c.id = s.campaign_id
      join admission_interview_panel p on p.slot_id = s.id where c.slug = 'perm-school-of-mayors-2027'`);
    expect(slots).toEqual({ slots: 2, panel: 4 });
  });

  it('re-ranks to the same 160 through the API and shows the open regional campaign publicly', async () => {
    const staff = await signIn(t.app, `staff@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
    const campaigns = await staff.request({ method: 'GET', url: '/api/admissions/campaigns' });
    const campaign = (campaigns.json() as { items: Array<{ id: string; slug: string }> }).items.find((c) => c.slug === 'school-of-mayors-2024')!;
    const preview = await staff.request({ method: 'POST', url: `/api/admissions/campaigns/${campaign.id}/ranking/preview`, payload: { config: DEMO_RANKING_CONFIG } });
    expect(preview.json().summary).toMatchObject({ candidates: NOMINATED, admitted: 160, reserve: 20 });
    const open = await t.app.inject({ method: 'GET', url: '/api/public/admissions/campaigns' });
    expect((open.json() as { items: Array<{ slug: string; isOpen: boolean }> }).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: 'perm-school-of-mayors-2027' })]),
    );
  });

  it('assigns the same experts to the same applicants on every start (the ids are random, the demo is not)', async () => {
    // A digest of who scored whom, by e-mail: pinned, so a change in the assignment shows up here.
    const { digest, reviews } = await one<{ digest: string; reviews: number }>(sql`
      select md5(string_agg(p.email || '>' || u.email || '#' || r.round, ',' order by p.email, r.round)) as digest, count(*)::int as reviews
      from admission_expert_reviews r
      join admission_applications a on a.id = r.application_id
      join admission_campaigns c on c.id = a.campaign_id and c.slug = 'school-of-mayors-2024'
      join people p on p.id = a.person_id
      join users u on u.id = r.expert_user_id`);
    expect({ digest, reviews }).toEqual({ digest: '14dde033c65ef01b164a8b10090f0497', reviews: 925 });
  });
});

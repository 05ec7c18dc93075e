import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { admissionApplications, admissionCampaigns, auditLog, users } from '../../db/schema/index.ts';
import { anonymousAgent, buildTestApp, signIn, type TestAgent, type TestApp } from '../../../test/app.ts';
import { buildCampaign, confirmationTokenFor, ensureConsentDocument, SAMPLE_JPEG, SAMPLE_PDF } from '../../../test/admissions.ts';
import { buildProgrammeTree, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { multipartBody } from '../../../test/imports.ts';

let t: TestApp;
let intakeId: string;
let consentVersion: string;
beforeAll(async () => {
  t = await buildTestApp();
  intakeId = (await buildProgrammeTree(t.db)).intake.id;
  consentVersion = await ensureConsentDocument(t.db);
});
afterAll(async () => t?.close());

let emailCounter = 0;
const freshEmail = () => `applicant-${Date.now()}-${++emailCounter}@example.test`;

/** Goes through the public steps: start, open the mailed link, set a password. Returns a signed-in agent. */
async function applyAs(slug: string, email = freshEmail()): Promise<{ agent: TestAgent; applicationId: string; email: string }> {
  const start = await t.app.inject({ method: 'POST', url: `/api/public/admissions/campaigns/${slug}/start`, payload: { email, lastName: 'Кузнецова', firstName: 'Ольга', middleName: 'Ивановна' } });
  expect(start.statusCode).toBe(202);
  const token = await confirmationTokenFor(t.db, email);
  const confirmed = await t.app.inject({ method: 'POST', url: '/api/public/admissions/confirmations', payload: { token, password: TEST_PASSWORD } });
  expect(confirmed.statusCode).toBe(200);
  expect(confirmed.json()).toMatchObject({ isSignedIn: true });
  return { agent: await signIn(t.app, email, TEST_PASSWORD), applicationId: (confirmed.json() as { applicationId: string }).applicationId, email };
}

const fullProfile = { birthDate: '1984-02-10', regionCode: 'RU-SAM', education: 'master', managementYears: 6, serviceKind: 'municipal', serviceYears: 8, position: 'Глава городского округа', motivation: 'Хочу развивать город.' };

describe('public campaign page', () => {
  it('shows a published campaign to anyone and hides an unpublished one', async () => {
    const published = await buildCampaign(t.db, intakeId);
    const hidden = await buildCampaign(t.db, intakeId, { isPublished: false });
    const page = await anonymousAgent(t.app).request({ method: 'GET', url: `/api/public/admissions/campaigns/${published.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ slug: published.slug, isOpen: true, rules: { minAge: 26 } });
    expect(page.json()).not.toHaveProperty('counts');
    const none = await anonymousAgent(t.app).request({ method: 'GET', url: `/api/public/admissions/campaigns/${hidden.slug}` });
    expect(none.statusCode).toBe(404);
    const list = await anonymousAgent(t.app).request({ method: 'GET', url: '/api/public/admissions/campaigns' });
    const slugs = (list.json() as { items: Array<{ slug: string }> }).items.map((c) => c.slug);
    expect(slugs).toContain(published.slug);
    expect(slugs).not.toContain(hidden.slug);
  });

  it('refuses to start an application after the close, with a clear message', async () => {
    const closed = await buildCampaign(t.db, intakeId, { opensAt: new Date('2024-01-01T00:00:00Z'), closesAt: new Date('2024-02-01T00:00:00Z') });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/public/admissions/campaigns/${closed.slug}/start`,
      headers: { 'accept-language': 'en' },
      payload: { email: freshEmail(), lastName: 'Петров', firstName: 'Пётр' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors[0].message).toBe('This campaign is not accepting applications');
  });

  it('refuses hostile and malformed starts with field errors', async () => {
    const campaign = await buildCampaign(t.db, intakeId);
    const url = `/api/public/admissions/campaigns/${campaign.slug}/start`;
    for (const payload of [
      { email: 'not-an-email', lastName: 'A', firstName: 'B' },
      { email: freshEmail(), lastName: 'A\u0000', firstName: 'B' },
      { email: freshEmail(), lastName: 42, firstName: 'B' },
      { email: freshEmail(), lastName: 'x'.repeat(500), firstName: 'B' },
      { email: freshEmail(), lastName: 'A', firstName: 'B', isAdmin: true },
    ]) {
      const response = await t.app.inject({ method: 'POST', url, payload });
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
    }
  });
});

describe('e-mail confirmation', () => {
  it('creates the account, the person and the draft only when the link is opened, and only once', async () => {
    const campaign = await buildCampaign(t.db, intakeId);
    const email = freshEmail();
    await t.app.inject({ method: 'POST', url: `/api/public/admissions/campaigns/${campaign.slug}/start`, payload: { email, lastName: 'Орлова', firstName: 'Нина' } });
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    const token = await confirmationTokenFor(t.db, email);
    const info = await t.app.inject({ method: 'GET', url: `/api/public/admissions/confirmations/${token}` });
    expect(info.json()).toEqual({ email, campaignSlug: campaign.slug, hasAccount: false });
    const noPassword = await t.app.inject({ method: 'POST', url: '/api/public/admissions/confirmations', payload: { token } });
    expect(noPassword.statusCode).toBe(400);
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/public/admissions/confirmations', payload: { token, password: TEST_PASSWORD } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.cookies.find((c) => c.name === 'ms_session')?.httpOnly).toBe(true);
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user?.personId).toBeTruthy();
    const again = await t.app.inject({ method: 'POST', url: '/api/public/admissions/confirmations', payload: { token, password: TEST_PASSWORD } });
    expect(again.statusCode).toBe(410);
  });

  it('gives an existing account the draft without a new password (its owner signs in)', async () => {
    const campaign = await buildCampaign(t.db, intakeId);
    const existing = await buildUser(t.db);
    await t.app.inject({ method: 'POST', url: `/api/public/admissions/campaigns/${campaign.slug}/start`, payload: { email: existing.email, lastName: 'Смирнов', firstName: 'Иван' } });
    const token = await confirmationTokenFor(t.db, existing.email);
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/public/admissions/confirmations', payload: { token } });
    expect(confirmed.json()).toMatchObject({ isSignedIn: false });
    const agent = await signIn(t.app, existing.email, TEST_PASSWORD);
    const mine = await agent.request({ method: 'GET', url: '/api/me/applications' });
    expect((mine.json() as { items: Array<{ campaignSlug: string }> }).items.map((a) => a.campaignSlug)).toEqual([campaign.slug]);
  });
});

describe('draft, consent and submit', () => {
  it('saves drafts, requires the separate consent, evaluates eligibility and submits once', async () => {
    const campaign = await buildCampaign(t.db, intakeId);
    const { agent, applicationId } = await applyAs(campaign.slug);
    const url = `/api/me/applications/${applicationId}`;
    const saved = await agent.request({ method: 'PUT', url, payload: fullProfile });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', position: 'Глава городского округа', hasConsent: false, consentVersion });

    const withoutConsent = await agent.request({ method: 'POST', url: `${url}/submit` });
    expect(withoutConsent.statusCode).toBe(400);
    expect(withoutConsent.json().errors).toEqual([{ path: 'body.consent', message: expect.stringContaining('согласие') }]);

    expect((await agent.request({ method: 'POST', url: '/api/me/consents', payload: { version: consentVersion } })).statusCode).toBe(201);
    const submitted = await agent.request({ method: 'POST', url: `${url}/submit` });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', isEligible: true, eligibilityReasons: [{ key: 'eligible' }], hasConsent: true });

    const second = await agent.request({ method: 'POST', url: `${url}/submit` });
    expect(second.statusCode).toBe(409);
    const edit = await agent.request({ method: 'PUT', url, payload: { position: 'Другое' } });
    expect(edit.statusCode).toBe(409);
    const rows = await t.db.select().from(admissionApplications).where(eq(admissionApplications.campaignId, campaign.id));
    expect(rows).toHaveLength(1);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'admission.submit'), eq(auditLog.entityId, applicationId)));
    expect(audits).toHaveLength(1);
  });

  it('shows the applicant why they are not eligible', async () => {
    const campaign = await buildCampaign(t.db, intakeId);
    const { agent, applicationId } = await applyAs(campaign.slug);
    await agent.request({ method: 'POST', url: '/api/me/consents', payload: { version: consentVersion } });
    await agent.request({ method: 'PUT', url: `/api/me/applications/${applicationId}`, payload: { ...fullProfile, birthDate: '2003-01-01', managementYears: 1 } });
    const submitted = await agent.request({ method: 'POST', url: `/api/me/applications/${applicationId}/submit` });
    expect(submitted.json()).toMatchObject({
      isEligible: false,
      eligibilityReasons: [
        { key: 'too_young', params: { age: 23, min: 26, date: '2026-10-01' } },
        { key: 'management_years', params: { min: 2, actual: 1 } },
      ],
    });
  });

  it('names the missing required fields at submit', async () => {
    const campaign = await buildCampaign(t.db, intakeId, { form: { fields: ['education', 'motivation', 'documents'], required: ['motivation', 'documents'] } });
    const { agent, applicationId } = await applyAs(campaign.slug);
    await agent.request({ method: 'POST', url: '/api/me/consents', payload: { version: consentVersion } });
    const response = await agent.request({ method: 'POST', url: `/api/me/applications/${applicationId}/submit` });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.birthDate', 'body.regionCode', 'body.motivation', 'body.documents']);
  });

  it('refuses bad draft values: unknown region, foreign municipality, wrong types, hostile text', async () => {
    const campaign = await buildCampaign(t.db, intakeId);
    const { agent, applicationId } = await applyAs(campaign.slug);
    const url = `/api/me/applications/${applicationId}`;
    for (const payload of [{ regionCode: 'RU-XXX' }, { managementYears: 'five' }, { managementYears: -1 }, { birthDate: '1984-13-40' }, { birthDate: '2999-01-01' }, { position: 'A\u0007' }, { status: 'admitted' }]) {
      const response = await agent.request({ method: 'PUT', url, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const municipality = await agent.request({ method: 'PUT', url, payload: { regionCode: 'RU-SAM', municipalityId: '00000000-0000-4000-8000-000000000000' } });
    expect(municipality.statusCode).toBe(400);
  });

  it("answers 404 for someone else's application and never shows it", async () => {
    const campaign = await buildCampaign(t.db, intakeId);
    const mine = await applyAs(campaign.slug);
    const theirs = await applyAs(campaign.slug);
    for (const [method, suffix] of [['GET', ''], ['PUT', ''], ['POST', '/submit']] as const) {
      const response = await mine.agent.request({ method, url: `/api/me/applications/${theirs.applicationId}${suffix}`, payload: method === 'PUT' ? { position: 'x' } : undefined });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(theirs.email);
    }
  });

  it('refuses changes after the campaign closed', async () => {
    const campaign = await buildCampaign(t.db, intakeId);
    const { agent, applicationId } = await applyAs(campaign.slug);
    await t.db.update(admissionCampaigns).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(admissionCampaigns.id, campaign.id));
    const response = await agent.request({ method: 'POST', url: `/api/me/applications/${applicationId}/submit` });
    expect(response.statusCode).toBe(409);
  });
});

describe('documents', () => {
  it('accepts PDF and JPEG by content and refuses a lying file', async () => {
    const campaign = await buildCampaign(t.db, intakeId);
    const { agent, applicationId } = await applyAs(campaign.slug);
    const url = `/api/me/applications/${applicationId}/documents?kind=diploma`;
    const pdf = multipartBody('диплом.pdf', SAMPLE_PDF);
    const ok = await agent.request({ method: 'POST', url, payload: pdf.payload, headers: pdf.headers });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().documents).toMatchObject([{ fileName: 'диплом.pdf', mediaType: 'application/pdf', kind: 'diploma' }]);
    // An image renamed to .pdf is stored as what it is.
    const renamed = multipartBody('scan.pdf', SAMPLE_JPEG);
    const jpeg = await agent.request({ method: 'POST', url, payload: renamed.payload, headers: renamed.headers });
    expect(jpeg.json().documents[1]).toMatchObject({ mediaType: 'image/jpeg' });
    // A script that calls itself a PDF is refused.
    const lying = multipartBody('cv.pdf', Buffer.from('<script>alert(1)</script>'));
    const refused = await agent.request({ method: 'POST', url, payload: lying.payload, headers: lying.headers });
    expect(refused.statusCode).toBe(415);
    const huge = multipartBody('big.pdf', Buffer.concat([SAMPLE_PDF, Buffer.alloc(5 * 1024 * 1024)]));
    const tooBig = await agent.request({ method: 'POST', url, payload: huge.payload, headers: huge.headers });
    expect(tooBig.statusCode).toBe(413);
    const removed = await agent.request({ method: 'DELETE', url: `/api/me/applications/${applicationId}/documents/${ok.json().documents[0].id}` });
    expect(removed.json().documents).toHaveLength(1);
  });

  it('refuses a non-multipart upload and an unknown document kind', async () => {
    const campaign = await buildCampaign(t.db, intakeId);
    const { agent, applicationId } = await applyAs(campaign.slug);
    const json = await agent.request({ method: 'POST', url: `/api/me/applications/${applicationId}/documents`, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const pdf = multipartBody('a.pdf', SAMPLE_PDF);
    const kind = await agent.request({ method: 'POST', url: `/api/me/applications/${applicationId}/documents?kind=passport`, payload: pdf.payload, headers: pdf.headers });
    expect(kind.statusCode).toBe(400);
  });
});

import type { PublicCampaign, StartApplicationBody } from '@ms/contracts/admissions';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { translate } from '../../lib/i18n.ts';
import type { Mailer } from '../../lib/mailer.ts';
import { generateToken, hashToken } from '../../lib/tokens.ts';
import type { AuthService, RequestMeta } from '../auth/auth.service.ts';
import { isCampaignOpen, toPublicCampaign } from './admissions.present.ts';
import { createApplicationsRepo } from './applications.repo.ts';
import { createCampaignsRepo } from './campaigns.repo.ts';
import { createSignupsRepo } from './signups.repo.ts';

const SIGNUP_MS = 24 * 60 * 60 * 1000;

/**
 * The public side: campaign pages, the first step of an application (name and e-mail), and the
 * confirmation link, which creates the account, the person and the draft in one transaction.
 */
export function createPublicAdmissionsService(deps: { db: Database; clock: Clock; mailer: Mailer; auth: AuthService; publicUrl: string }) {
  const { db, clock } = deps;
  const campaigns = createCampaignsRepo(db);
  const signups = createSignupsRepo(db);

  async function publishedCampaign(slug: string) {
    const row = await campaigns.findCampaignBySlug(slug);
    if (!row || !row.campaign.isPublished) throw new AppError('not_found');
    return row;
  }

  return {
    /** Published campaigns that are open now or open later (closed ones drop off the public list). */
    async listPublicCampaigns(): Promise<PublicCampaign[]> {
      const now = clock.now();
      const rows = await campaigns.listCampaigns({ isPublishedOnly: true });
      return rows.filter((row) => row.campaign.closesAt.getTime() > now.getTime()).map((row) => toPublicCampaign(row, now));
    },

    async getPublicCampaign(slug: string): Promise<PublicCampaign> {
      return toPublicCampaign(await publishedCampaign(slug), clock.now());
    },

    /**
     * Mails a confirmation link. The answer is the same whether or not the address already has an
     * account or an application (no enumeration); a closed campaign is refused openly.
     */
    async startApplication(slug: string, body: StartApplicationBody, meta: RequestMeta): Promise<void> {
      const row = await publishedCampaign(slug);
      if (!isCampaignOpen(row, clock.now())) throw new AppError('conflict', { fields: [{ path: 'slug', key: 'admissions.closed' }] });
      const token = generateToken();
      const email = body.email.toLowerCase();
      await signups.insertSignup({
        id: hashToken(token),
        campaignId: row.campaign.id,
        email,
        lastName: body.lastName,
        firstName: body.firstName,
        middleName: body.middleName || null,
        locale: meta.locale,
        expiresAt: new Date(clock.now().getTime() + SIGNUP_MS),
      });
      const campaign = meta.locale === 'en' ? row.campaign.titleEn : row.campaign.titleRu;
      await deps.mailer.send({
        to: email,
        kind: 'admission_confirm',
        subject: translate(meta.locale, 'mail.admissions.confirm.subject', { campaign }),
        text: translate(meta.locale, 'mail.admissions.confirm.body', {
          name: body.firstName,
          campaign,
          link: `${deps.publicUrl}/apply/confirm?token=${token}`,
        }),
        meta: { campaignId: row.campaign.id },
      });
      await recordAudit(db, { actor: null, actorEmail: email, action: 'admission.start', entity: 'admission_campaign', entityId: row.campaign.id, ip: meta.ip });
    },

    async describeConfirmation(token: string) {
      const signup = await signups.findUsableSignup(hashToken(token), clock.now());
      if (!signup) throw new AppError('token_invalid');
      const campaign = await campaigns.findCampaign(signup.campaignId);
      return { email: signup.email, campaignSlug: campaign!.campaign.slug, hasAccount: Boolean(await signups.findUserByEmail(signup.email)) };
    },

    /**
     * Confirms the address: creates (or finds) the person and the account and the draft application.
     * A new account gets its password through the invitation mechanism, which also opens the session;
     * an address that already has an account only gets the draft, and its owner signs in as usual.
     */
    async confirmEmail(token: string, password: string | undefined, meta: RequestMeta): Promise<{ applicationId: string; sessionToken: string | null }> {
      const invitation = generateToken();
      const result = await db.transaction(async (tx) => {
        const txSignups = createSignupsRepo(tx);
        const signup = await txSignups.consumeSignup(hashToken(token), clock.now());
        if (!signup) throw new AppError('token_invalid');
        const user = await txSignups.findUserByEmail(signup.email);
        if (!user && !password) throw new AppError('validation', { fields: [{ path: 'body.password', key: 'field.required' }] });
        let personId = user?.personId ?? (await txSignups.findPersonByEmail(signup.email))?.id ?? null;
        personId ??= await txSignups.insertPerson({ email: signup.email, lastName: signup.lastName, firstName: signup.firstName, middleName: signup.middleName });
        let userId = user?.id ?? null;
        if (userId && !user?.personId) await txSignups.linkUserToPerson(userId, personId);
        if (!userId) {
          const displayName = [signup.firstName, signup.lastName].join(' ');
          userId = await txSignups.insertUser({ email: signup.email, displayName, personId, locale: signup.locale });
          await txSignups.insertInvitationToken({ id: hashToken(invitation), userId, expiresAt: new Date(clock.now().getTime() + 60_000) });
        }
        const applicationId = await createApplicationsRepo(tx).upsertDraft({ campaignId: signup.campaignId, personId, userId });
        const actor: Actor = { userId, email: signup.email, personId, grants: [] };
        await recordAudit(tx, { actor, action: 'admission.email_confirmed', entity: 'admission_application', entityId: applicationId, ip: meta.ip });
        return { applicationId, isNewAccount: !user };
      });
      if (!result.isNewAccount) return { applicationId: result.applicationId, sessionToken: null };
      const sessionToken = await deps.auth.completeToken('invitation', invitation, password!, meta);
      return { applicationId: result.applicationId, sessionToken };
    },
  };
}

import * as OTPAuth from 'otpauth';
import type { Me, SignInBody } from '@ms/contracts/auth';
import type { Database } from '../../db/client.ts';
import type { Actor, Role } from '../../lib/access.ts';
import { createSingleFlight } from '../../lib/single-flight.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { translate } from '../../lib/i18n.ts';
import type { Mailer } from '../../lib/mailer.ts';
import type { Locale } from '../../lib/messages.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { generateToken, hashToken } from '../../lib/tokens.ts';
import { createAuthRepo } from './auth.repo.ts';
import type { ResolvedSession, SessionCache } from './session-cache.ts';

export interface AuthServiceDeps {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  secretBox: SecretBox;
  publicUrl: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** Serves signed-in requests from memory while its change feed is live (absent: every request reads). */
  sessionCache?: SessionCache;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  locale: Locale;
}

const INVITATION_DAYS = 7;
const RESET_MS = 60 * 60 * 1000;
const SESSION_TOUCH_MS = 60_000;

export function createAuthService(deps: AuthServiceDeps) {
  const repo = createAuthRepo(deps.db);
  // A page that fires several calls at once with a session not yet cached makes one read, not several.
  const sessionReads = createSingleFlight<ResolvedSession | null>();

  async function openSession(userId: string, meta: RequestMeta, previousToken?: string) {
    // Rotation: a sign-in never reuses the cookie it came with (session fixation).
    if (previousToken) {
      await repo.deleteSession(hashToken(previousToken));
      deps.sessionCache?.forgetSession(hashToken(previousToken));
    }
    const token = generateToken();
    const now = deps.clock.now();
    await repo.createSession({
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + deps.sessionAbsoluteMs),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  function csrfTokenFor(sessionToken: string): string {
    return deps.secretBox.sign(`csrf:${hashToken(sessionToken)}`);
  }

  function checkTotp(sealedSecret: string, code: string): boolean {
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(deps.secretBox.open(sealedSecret)) });
    return totp.validate({ token: code, timestamp: deps.clock.now().getTime(), window: 1 }) !== null;
  }

  /** Reads a session not in the cache, touches its idle clock when due, and caches it. */
  async function readSession(id: string, now: Date, readSince: number): Promise<ResolvedSession | null> {
    const cache = deps.sessionCache;
    const row = await repo.findLiveSession(id, now, deps.sessionIdleMs);
    if (!row) return null;
    // Write the idle clock at most once a minute per session, so that reads stay reads.
    let lastSeenAt = row.session.lastSeenAt;
    if (now.getTime() - lastSeenAt.getTime() > SESSION_TOUCH_MS) {
      await repo.touchSession(id, now);
      lastSeenAt = now;
    }
    const resolved: ResolvedSession = {
      sessionId: id,
      locale: row.user.locale === 'en' ? 'en' : 'ru',
      actor: { userId: row.user.id, email: row.user.email, personId: row.user.personId, grants: row.grants },
    };
    cache?.put(resolved, { expiresAt: row.session.expiresAt.getTime(), lastSeenAt: lastSeenAt.getTime() }, readSince);
    return resolved;
  }

  return {
    csrfTokenFor,

    /** Resolves a cookie token to the acting user; null when absent, expired or idle. */
    async resolveSession(token: string): Promise<ResolvedSession | null> {
      const id = hashToken(token);
      const now = deps.clock.now();
      const cache = deps.sessionCache;
      const cached = cache?.get(id, now.getTime(), deps.sessionIdleMs);
      if (cached) {
        if (cached.isTouchDue(SESSION_TOUCH_MS)) {
          await repo.touchSession(id, now);
          cache!.markSeen(id, now.getTime());
        }
        return cached.resolved;
      }
      if (!cache) return readSession(id, now, 0);
      const readSince = cache.generation();
      // Keyed by the change generation too: a request that arrives after a change was announced (or a
      // sign-out here) never shares a read that began before it.
      return sessionReads.run(`${readSince}:${id}`, () => readSession(id, now, readSince));
    },

    async signIn(body: SignInBody, meta: RequestMeta, previousToken?: string): Promise<string> {

      const user = await repo.findUserByEmail(body.email);
      const isValid = await verifyPassword(body.password, user?.isActive ? (user.passwordHash ?? null) : null);
      if (!user || !isValid) {
        await recordAudit(deps.db, {
          actor: null,
          actorEmail: body.email.toLowerCase(),
          action: 'auth.sign_in_failed',
          ip: meta.ip,
          details: { reason: 'credentials' },
        });
        throw new AppError('invalid_credentials');
      }
      if (user.isTotpEnabled && user.totpSecret) {
        if (!body.totpCode) throw new AppError('totp_required');
        if (!checkTotp(user.totpSecret, body.totpCode)) {
          await recordAudit(deps.db, {
            actor: null,
            actorEmail: user.email,
            action: 'auth.sign_in_failed',
            ip: meta.ip,
            details: { reason: 'totp' },
          });
          throw new AppError('totp_invalid');
        }
      }
      const token = await openSession(user.id, meta, previousToken);
      await recordAudit(deps.db, {
        actor: { userId: user.id, email: user.email, personId: user.personId, grants: [] },
        action: 'auth.sign_in',
        ip: meta.ip,
      });
      return token;
    },

    async signOut(actor: Actor, sessionId: string, meta: RequestMeta) {
      await repo.deleteSession(sessionId);
      // The trigger's NOTIFY arrives a moment later; this process must not serve the session even once more.
      deps.sessionCache?.forgetSession(sessionId);
      await recordAudit(deps.db, { actor, action: 'auth.sign_out', ip: meta.ip });
    },

    async signOutEverywhere(actor: Actor, meta: RequestMeta) {
      const count = await repo.deleteUserSessions(actor.userId!);
      deps.sessionCache?.forgetUser(actor.userId!);
      await recordAudit(deps.db, { actor, action: 'auth.sign_out_all', ip: meta.ip, details: { sessions: count } });
    },

    async describe(actor: Actor, sessionToken: string): Promise<Me> {
      const user = await repo.findUserById(actor.userId!);
      if (!user) throw new AppError('unauthenticated');
      const roles = [...new Set(actor.grants.map((g) => g.role))] as Role[];
      return {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        locale: user.locale === 'en' ? 'en' : 'ru',
        personId: user.personId,
        isTotpEnabled: user.isTotpEnabled,
        roles,
        grants: actor.grants,
        csrfToken: csrfTokenFor(sessionToken),
      };
    },

    async setLocale(actor: Actor, locale: Locale) {
      await repo.setLocale(actor.userId!, locale);
    },

    /** Creates a one-time invitation link for an existing user and mails it; returns the link for the CLI. */
    async sendInvitation(userId: string, invitedBy: Actor | null, locale: Locale): Promise<string> {
      const user = await repo.findUserById(userId);
      if (!user) throw new AppError('not_found');
      const token = generateToken();
      await repo.createToken({
        id: hashToken(token),
        purpose: 'invitation',
        userId,
        createdBy: invitedBy?.userId ?? null,
        expiresAt: new Date(deps.clock.now().getTime() + INVITATION_DAYS * 86_400_000),
      });
      const link = `${deps.publicUrl}/accept-invitation?token=${token}`;
      await deps.mailer.send({
        to: user.email,
        kind: 'invitation',
        subject: translate(locale, 'mail.invitation.subject'),
        text: translate(locale, 'mail.invitation.body', { name: user.displayName, link, days: INVITATION_DAYS }),
        meta: { userId },
      });
      return link;
    },

    async describeToken(token: string, purpose: 'invitation' | 'password_reset') {
      const row = await repo.findUsableToken(hashToken(token), purpose, deps.clock.now());
      if (!row) throw new AppError('token_invalid');
      const user = await repo.findUserById(row.userId);
      if (!user) throw new AppError('token_invalid');
      return { email: user.email, displayName: user.displayName };
    },

    /** Sets the password from an invitation or reset link (each works once) and signs the user in. */
    async completeToken(purpose: 'invitation' | 'password_reset', token: string, password: string, meta: RequestMeta) {
      const row = await repo.consumeToken(hashToken(token), purpose, deps.clock.now());
      if (!row) throw new AppError('token_invalid');
      const user = await repo.findUserById(row.userId);
      if (!user || !user.isActive) throw new AppError('token_invalid');
      await repo.setPassword(user.id, await hashPassword(password));
      // A reset means the old password may be known to someone else: end every session.
      await repo.deleteUserSessions(user.id);
      deps.sessionCache?.forgetUser(user.id);
      const actor: Actor = { userId: user.id, email: user.email, personId: user.personId, grants: [] };
      await recordAudit(deps.db, {
        actor,
        action: purpose === 'invitation' ? 'auth.invitation_accepted' : 'auth.password_reset',
        ip: meta.ip,
      });
      return openSession(user.id, meta);
    },

    /** Always answers the same, whether or not the address is known (no account enumeration). */
    async requestPasswordReset(email: string, meta: RequestMeta) {
      const user = await repo.findUserByEmail(email);
      await recordAudit(deps.db, { actor: null, actorEmail: email.toLowerCase(), action: 'auth.reset_requested', ip: meta.ip });
      if (!user || !user.isActive) return;
      const token = generateToken();
      await repo.createToken({
        id: hashToken(token),
        purpose: 'password_reset',
        userId: user.id,
        expiresAt: new Date(deps.clock.now().getTime() + RESET_MS),
      });
      const locale: Locale = user.locale === 'en' ? 'en' : meta.locale;
      await deps.mailer.send({
        to: user.email,
        kind: 'password_reset',
        subject: translate(locale, 'mail.reset.subject'),
        text: translate(locale, 'mail.reset.body', { link: `${deps.publicUrl}/reset-password?token=${token}` }),
        meta: { userId: user.id },
      });
    },

    /** Starts TOTP enrolment: a new secret, stored sealed but not yet enforced until confirmed. */
    async beginTotp(actor: Actor) {
      const secret = new OTPAuth.Secret({ size: 20 });
      await repo.setTotp(actor.userId!, { totpSecret: deps.secretBox.seal(secret.base32), isTotpEnabled: false });
      const totp = new OTPAuth.TOTP({ issuer: 'Школа мэров', label: actor.email, secret });
      return { secret: secret.base32, otpauthUrl: totp.toString() };
    },

    async confirmTotp(actor: Actor, code: string, meta: RequestMeta) {
      const user = await repo.findUserById(actor.userId!);
      if (!user?.totpSecret || !checkTotp(user.totpSecret, code)) throw new AppError('totp_invalid');
      await repo.setTotp(user.id, { totpSecret: user.totpSecret, isTotpEnabled: true });
      await recordAudit(deps.db, { actor, action: 'auth.totp_enabled', ip: meta.ip });
    },

    async disableTotp(actor: Actor, code: string, meta: RequestMeta) {
      const user = await repo.findUserById(actor.userId!);
      if (!user?.totpSecret || !checkTotp(user.totpSecret, code)) throw new AppError('totp_invalid');
      await repo.setTotp(user.id, { totpSecret: null, isTotpEnabled: false });
      await recordAudit(deps.db, { actor, action: 'auth.totp_disabled', ip: meta.ip });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

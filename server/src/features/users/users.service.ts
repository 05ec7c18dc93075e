import type { CreateUserBody, SetGrantsBody, UsersQuery, UserView } from '@ms/contracts/users';
import type { Database } from '../../db/client.ts';
import { isAdmin, requireAdmin, type Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import type { Locale } from '../../lib/messages.ts';
import { hashPassword } from '../../lib/passwords.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { placeGrants } from './users.grants.ts';
import {
  assertCanManageUser,
  canChangeGrant,
  canSeeGrant,
  canSeeUser,
  requireUserManager,
  type PlacedGrant,
} from './users.policy.ts';
import { createUsersRepo, type ScopeFilter, type UserRow } from './users.repo.ts';

export interface UsersServiceDeps {
  db: Database;
  auth: Pick<AuthService, 'sendInvitation'>;
}

/** Who did it and from where, for the audit log. */
export interface WriteMeta {
  ip: string | null;
}

type StoredGrant = PlacedGrant & { id: string; userId: string };

const grantSummary = (g: PlacedGrant) => ({
  role: g.role,
  organisationId: g.organisationId,
  programmeId: g.programmeId,
  streamId: g.streamId,
  regionCode: g.regionCode,
});

/** Unique-violation from PostgreSQL: two requests raced to create the same e-mail. */
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { cause?: { code?: string }; code?: string }).code === '23505';

function toView(actor: Actor, user: UserRow, grants: readonly PlacedGrant[]): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale === 'en' ? 'en' : 'ru',
    isActive: user.isActive,
    hasPassword: user.passwordHash !== null,
    isTotpEnabled: user.isTotpEnabled,
    personId: user.personId,
    createdAt: user.createdAt.toISOString(),
    grants: grants.filter((g) => canSeeGrant(actor, g)).map(grantSummary),
  };
}

/** The scopes where a staff member manages accounts; admins manage all. */
function staffScopes(actor: Actor): ScopeFilter[] | 'all' {
  if (isAdmin(actor)) return 'all';
  return actor.grants
    .filter((g) => g.role === 'staff')
    .map((g) => ({ organisationId: g.organisationId, programmeId: g.programmeId, streamId: g.streamId }));
}

/**
 * User administration: admins manage every account; staff invite and manage people inside their
 * own programmes with roles below staff. Every write is audited in the same transaction.
 */
export function createUsersService(deps: UsersServiceDeps) {
  const { db } = deps;
  const repo = createUsersRepo(db);

  /** The user and all their grants, or 404 when the actor may not see them. */
  async function loadVisible(actor: Actor, id: string, tx = repo, isLocking = false) {
    const user = await tx.findUser(id, { isLocking });
    if (!user) throw new AppError('not_found');
    const grants: StoredGrant[] = await tx.findPlacedGrants([id]);
    if (!canSeeUser(actor, grants)) throw new AppError('not_found');
    return { user, grants };
  }

  async function sendInvitation(actor: Actor, user: UserRow, meta: WriteMeta): Promise<string> {
    const locale: Locale = user.locale === 'en' ? 'en' : 'ru';
    const link = await deps.auth.sendInvitation(user.id, actor, locale);
    await recordAudit(db, { actor, action: 'user.invitation_sent', entity: 'user', entityId: user.id, ip: meta.ip });
    return link;
  }

  return {
    async listUsers(actor: Actor, query: UsersQuery, meta: WriteMeta) {
      requireUserManager(actor);
      const { rows, total } = await repo.listUsers(query, staffScopes(actor));
      const grants = await repo.findPlacedGrants(rows.map((r) => r.id));
      // Reading a list of names and e-mails is a read of personal data: logged.
      await recordAudit(db, {
        actor,
        action: 'user.list',
        entity: 'user',
        ip: meta.ip,
        details: { q: query.q ?? null, role: query.role ?? null, page: query.page, count: rows.length },
      });
      return {
        items: rows.map((user) => toView(actor, user, grants.filter((g) => g.userId === user.id))),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async getUser(actor: Actor, id: string, meta: WriteMeta): Promise<UserView> {
      requireUserManager(actor);
      const { user, grants } = await loadVisible(actor, id);
      await recordAudit(db, { actor, action: 'user.read', entity: 'user', entityId: id, ip: meta.ip });
      return toView(actor, user, grants);
    },

    /**
     * Creates the account and its grants in one transaction, then (if asked) mails the invitation.
     * The link is returned for the CLI only; the HTTP route never sends it back.
     */
    async createUser(actor: Actor, body: CreateUserBody, meta: WriteMeta): Promise<{ user: UserView; invitationLink: string | null }> {
      requireUserManager(actor);
      // Staff must place the new account inside their scope, or they could not see it afterwards.
      if (!isAdmin(actor) && body.grants.length === 0) throw new AppError('forbidden');
      const email = body.email.toLowerCase();
      let created: { user: UserRow; grants: PlacedGrant[] };
      try {
        created = await db.transaction(async (tx) => {
          const txRepo = createUsersRepo(tx);
          const grants = await placeGrants(txRepo, actor, body.grants, 'body.grants');
          if (await txRepo.findUserByEmail(email)) {
            throw new AppError('conflict', { fields: [{ path: 'body.email', key: 'field.email_taken' }] });
          }
          const personId = await txRepo.findLinkablePersonId(email);
          const user = await txRepo.insertUser({ email, displayName: body.displayName, locale: body.locale, personId });
          await txRepo.insertGrants(user.id, grants.map(grantSummary));
          await recordAudit(tx, {
            actor,
            action: 'user.create',
            entity: 'user',
            entityId: user.id,
            ip: meta.ip,
            details: { email, personId, grants: grants.map(grantSummary) },
          });
          return { user, grants };
        });
      } catch (error) {
        if (isUniqueViolation(error) || isUniqueViolation((error as { cause?: unknown }).cause)) {
          throw new AppError('conflict', { fields: [{ path: 'body.email', key: 'field.email_taken' }] });
        }
        throw error;
      }
      const invitationLink = body.sendInvitation ? await sendInvitation(actor, created.user, meta) : null;
      return { user: toView(actor, created.user, created.grants), invitationLink };
    },

    /** Mails a fresh invitation link (older ones keep working until they expire or one is used). */
    async resendInvitation(actor: Actor, id: string, meta: WriteMeta): Promise<string> {
      requireUserManager(actor);
      const { user, grants } = await loadVisible(actor, id);
      assertCanManageUser(actor, grants);
      if (!user.isActive) throw new AppError('conflict', { fields: [{ path: 'id', key: 'user.inactive' }] });
      return sendInvitation(actor, user, meta);
    },

    /**
     * Replaces the grants the actor manages: all of them for an admin; for staff, the lower-role
     * grants inside their scope. Grants the actor cannot see are kept untouched.
     */
    async setGrants(actor: Actor, id: string, body: SetGrantsBody, meta: WriteMeta): Promise<UserView> {
      requireUserManager(actor);
      return db.transaction(async (tx) => {
        const txRepo = createUsersRepo(tx);
        const { user, grants: before } = await loadVisible(actor, id, txRepo, true);
        assertCanManageUser(actor, before);
        const next = await placeGrants(txRepo, actor, body.grants, 'body.grants');
        const replaced = before.filter((g) => canChangeGrant(actor, g));
        await txRepo.deleteGrants(id, replaced.map((g) => g.id));
        await txRepo.insertGrants(id, next.map(grantSummary));
        await recordAudit(tx, {
          actor,
          action: 'user.grants_set',
          entity: 'user',
          entityId: id,
          ip: meta.ip,
          details: { removed: replaced.map(grantSummary), added: next.map(grantSummary) },
        });
        return toView(actor, user, await txRepo.findPlacedGrants([id]));
      });
    },

    /** Turns the account off and ends its sessions at once; the grants stay for the record. */
    async deactivateUser(actor: Actor, id: string, meta: WriteMeta): Promise<UserView> {
      requireUserManager(actor);
      if (actor.userId === id) throw new AppError('conflict', { fields: [{ path: 'id', key: 'user.self_deactivation' }] });
      return db.transaction(async (tx) => {
        const txRepo = createUsersRepo(tx);
        const { user, grants } = await loadVisible(actor, id, txRepo, true);
        assertCanManageUser(actor, grants);
        await txRepo.setActive(id, false);
        const sessionCount = await txRepo.deleteSessions(id);
        await recordAudit(tx, {
          actor,
          action: 'user.deactivate',
          entity: 'user',
          entityId: id,
          ip: meta.ip,
          details: { sessions: sessionCount, wasActive: user.isActive },
        });
        return toView(actor, { ...user, isActive: false }, grants);
      });
    },

    /** Sets a password directly; for the CLI's create-admin only (the web uses invitation links). */
    async setInitialPassword(actor: Actor, id: string, password: string): Promise<void> {
      requireAdmin(actor);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await createUsersRepo(tx).setPasswordHash(id, passwordHash);
        await recordAudit(tx, { actor, action: 'user.password_set', entity: 'user', entityId: id });
      });
    },

    /** The account with this e-mail, for the CLI (admins only). */
    async findUserIdByEmail(actor: Actor, email: string): Promise<string | null> {
      requireAdmin(actor);
      return (await repo.findUserByEmail(email))?.id ?? null;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;

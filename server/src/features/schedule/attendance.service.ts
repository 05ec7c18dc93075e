import {
  CHECK_IN_CLOSES_AFTER_MIN,
  CHECK_IN_OPENS_BEFORE_MIN,
  LATE_AFTER_MIN,
  QR_STEP_SECONDS,
  type AttendanceStatus,
  type CheckInResult,
  type MarksBatchBody,
  type MarksBatchResult,
  type RefusalReason,
  type RollCall,
  type SessionQr,
} from '@ms/contracts/schedule-attendance';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { translate } from '../../lib/i18n.ts';
import type { Locale, MessageKey } from '../../lib/messages.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { fullName } from '../people/roster.service.ts';
import { createAttendanceRepo, type MarkRow } from './attendance.repo.ts';
import { issueQrToken, verifyQrToken } from './qr.ts';
import type { SessionsService } from './sessions.service.ts';

const MINUTE = 60_000;

/**
 * Attendance: the rotating QR code a session's screen shows, participants' check-ins with it, and the
 * staff's roll-call sheet synced from an offline queue.
 *
 * What a code proves: that its holder saw the screen within the last 30 s (plus a few seconds to scan).
 * Who checks in is the signed-in person, never something in the code, so a forwarded code can only ever
 * check in its receiver, only while fresh, only for a session of a stream they are enrolled in, once.
 */
export function createAttendanceService(deps: { db: Database; clock: Clock; secretBox: SecretBox; auditBuffer: AuditBuffer; sessions: SessionsService }) {
  const repo = createAttendanceRepo(deps.db);
  const sign = (value: string) => deps.secretBox.sign(value);

  async function refuse(actor: Actor, reason: RefusalReason, sessionId: string | null, ip: string | null): Promise<never> {
    await repo.insertRefusal({ sessionId, userId: actor.userId, personId: actor.personId, reason, ip });
    throw new AppError('validation', { fields: [{ path: 'body.token', key: `checkin.${reason}` as MessageKey }], extra: { reason } });
  }

  return {
    async sessionQr(actor: Actor, sessionId: string): Promise<SessionQr> {
      await deps.sessions.sessionFor(actor, sessionId, 'manage');
      const { token, expiresAt } = issueQrToken(sign, sessionId, deps.clock.now());
      return { token, expiresAt: expiresAt.toISOString(), stepSeconds: QR_STEP_SECONDS };
    },

    async checkIn(actor: Actor, token: string, ip: string | null): Promise<CheckInResult> {
      const now = deps.clock.now();
      const verdict = verifyQrToken(sign, token, now);
      if (!verdict.ok) return refuse(actor, verdict.reason, verdict.sessionId, ip);
      if (!actor.personId) return refuse(actor, 'not_participant', verdict.sessionId, ip);
      const context = await repo.findCheckInContext(verdict.sessionId, actor.personId);
      // A well-signed code of a session since deleted: nothing to check in to.
      if (!context) return refuse(actor, 'forged', null, ip);
      if (!context.isEnrolled) return refuse(actor, 'wrong_stream', context.sessionId, ip);
      const opens = context.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MIN * MINUTE;
      const closes = context.endsAt.getTime() + CHECK_IN_CLOSES_AFTER_MIN * MINUTE;
      if (now.getTime() < opens || now.getTime() > closes) return refuse(actor, 'outside_window', context.sessionId, ip);

      const status: AttendanceStatus = now.getTime() > context.startsAt.getTime() + LATE_AFTER_MIN * MINUTE ? 'late' : 'present';
      const personId = actor.personId;
      const changed = await repo.recordCheckIn({ sessionId: context.sessionId, personId, status, source: 'qr', markedAt: now, markedBy: actor.userId, clientMarkId: null }, actor);
      const mark = changed ?? (await repo.findMark(context.sessionId, personId));
      return {
        sessionId: context.sessionId,
        titleRu: context.titleRu,
        titleEn: context.titleEn,
        status: mark!.status as AttendanceStatus,
        markedAt: mark!.markedAt.toISOString(),
        wasAlreadyCheckedIn: changed === null,
      };
    },

    async rollCall(actor: Actor, sessionId: string): Promise<RollCall> {
      const { row } = await deps.sessions.sessionFor(actor, sessionId, 'manage');
      const rows = await repo.listRollCall(sessionId, row.streamId);
      deps.auditBuffer.record({ actor, action: 'attendance.roll_call', entity: 'session', entityId: sessionId });
      return {
        sessionId,
        items: rows.map((r) => ({
          personId: r.personId,
          fullName: fullName(r),
          regionCode: r.regionCode,
          status: (r.status as AttendanceStatus | null) ?? null,
          source: (r.source as 'qr' | 'sheet' | 'import' | null) ?? null,
          markedAt: r.markedAt?.toISOString() ?? null,
        })),
      };
    },

    /**
     * Applies a batch from a device's offline queue. Idempotent: a mark whose clientMarkId is on record
     * is skipped; for one person the latest `markedAt` wins, so syncing the same queue twice, or two
     * devices' queues in any order, ends in the same sheet.
     */
    async syncMarks(actor: Actor, sessionId: string, body: MarksBatchBody, locale: Locale): Promise<MarksBatchResult> {
      const { row } = await deps.sessions.sessionFor(actor, sessionId, 'manage');
      const now = deps.clock.now();
      const rejected: MarksBatchResult['rejected'] = [];
      const reject = (clientMarkId: string, index: number, path: string, key: MessageKey) =>
        rejected.push({ clientMarkId, path: `body.marks.${index}.${path}`, message: translate(locale, key) });

      return deps.db.transaction(async (tx) => {
        const txRepo = createAttendanceRepo(tx);
        await txRepo.lockSession(sessionId);
        const enrolled = new Set((await txRepo.listRollCall(sessionId, row.streamId)).map((r) => r.personId));
        const known = await txRepo.findClientMarkIds(body.marks.map((m) => m.clientMarkId));
        const latest = new Map<string, MarkRow>();
        let unchanged = 0;
        const seen = new Set<string>();
        body.marks.forEach((mark, index) => {
          if (known.has(mark.clientMarkId) || seen.has(mark.clientMarkId)) return void unchanged++;
          seen.add(mark.clientMarkId);
          if (!enrolled.has(mark.personId)) return void reject(mark.clientMarkId, index, 'personId', 'attendance.not_enrolled');
          const markedAt = new Date(mark.markedAt);
          // A device clock far in the future would win every later conflict: cap it at now.
          const capped = markedAt > now ? now : markedAt;
          const previous = latest.get(mark.personId);
          if (previous && previous.markedAt >= capped) return void unchanged++;
          if (previous) unchanged++;
          latest.set(mark.personId, { sessionId, personId: mark.personId, status: mark.status, source: 'sheet', markedAt: capped, markedBy: actor.userId, clientMarkId: mark.clientMarkId });
        });
        const applied = await txRepo.upsertMarks([...latest.values()]);
        unchanged += latest.size - applied;
        if (applied > 0) await recordAudit(tx, { actor, action: 'attendance.sheet_sync', entity: 'session', entityId: sessionId, details: { applied, unchanged, rejected: rejected.length } });
        return { applied, unchanged, rejected };
      });
    },

    async listRefusals(actor: Actor, sessionId: string) {
      await deps.sessions.sessionFor(actor, sessionId, 'manage');
      const rows = await repo.listRefusals(sessionId);
      return {
        items: rows.map((r) => ({
          id: r.refusal.id,
          sessionId: r.refusal.sessionId,
          personId: r.refusal.personId,
          personName: r.lastName ? fullName({ lastName: r.lastName, firstName: r.firstName ?? '', middleName: r.middleName }) : null,
          reason: r.refusal.reason as RefusalReason,
          createdAt: r.refusal.createdAt.toISOString(),
        })),
      };
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;

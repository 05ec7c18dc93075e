import type { CreateFeedBody, Feed, FeedKind } from '@ms/contracts/schedule-attendance';
import type { Session, Timetable } from '@ms/contracts/schedule';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { feedTokens } from '../../db/schema/index.ts';
import { isAdmin, type Actor } from '../../lib/access.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Locale } from '../../lib/messages.ts';
import { generateToken, hashToken } from '../../lib/tokens.ts';
import { buildCalendar } from './ical.ts';
import { toSession } from './schedule.present.ts';
import { createScheduleRepo } from './schedule.repo.ts';
import type { ScheduleService } from './schedule.service.ts';
import { createTimetableRepo } from './timetable.repo.ts';
import { createTimetableJsonRepo } from './timetable-json.repo.ts';
import type { TimetableService } from './timetable.service.ts';

export interface CalendarFile {
  body: string;
  fileName: string;
}

const toFeed = (row: typeof feedTokens.$inferSelect): Feed => ({
  id: row.id,
  kind: row.kind as FeedKind,
  subjectId: row.subjectId,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/**
 * iCalendar: one-off .ics downloads for signed-in users, and subscription feeds at secret URLs that a
 * calendar app polls without a session. Only the token's SHA-256 is stored; revoking stops the URL at once.
 */
export function createFeedsService(deps: { db: Database; clock: Clock; publicUrl: string; schedule: ScheduleService; timetable: TimetableService }) {
  const repo = createTimetableRepo(deps.db);
  const scheduleRepo = createScheduleRepo(deps.db);
  const json = createTimetableJsonRepo(deps.db);
  const cache = new Map<string, string>();

  const render = (name: string, items: Session[] | Timetable['items'], locale: Locale, fileName: string): CalendarFile => ({
    body: buildCalendar({ name, sessions: items, locale, publicUrl: deps.publicUrl, now: deps.clock.now() }),
    fileName,
  });

  /** What a feed of this kind shows; the subject is checked against the actor when the feed is made. */
  async function sessionsOf(kind: FeedKind, subjectId: string): Promise<Session[]> {
    const rows =
      kind === 'participant' ? await repo.listPersonSessions(subjectId) : kind === 'stream' ? await repo.listStreamSessions(subjectId) : await repo.listSpeakerSessions(subjectId);
    return rows.map(toSession);
  }

  /**
   * Calendar apps poll feeds; the rendering only changes with the schedule revision (and, for a
   * participant, their streams), so it is kept per process, keyed by both.
   */
  async function cachedCalendar(kind: FeedKind, subjectId: string, locale: Locale, name: string, fileName: string): Promise<CalendarFile> {
    const { revision, streamIds } = await json.personStreams(kind === 'participant' ? subjectId : '00000000-0000-0000-0000-000000000000');
    const key = `${revision}|${kind}|${kind === 'participant' ? streamIds.join(',') : subjectId}|${locale}`;
    const hit = cache.get(key);
    if (hit) return { body: hit, fileName };
    const file = render(name, await sessionsOf(kind, subjectId), locale, fileName);
    cache.set(key, file.body);
    if (cache.size > 200) cache.delete(cache.keys().next().value!);
    return file;
  }

  async function authorize(actor: Actor, kind: FeedKind, subjectId: string): Promise<void> {
    if (kind === 'participant') {
      if (actor.personId !== subjectId) throw notFound();
    } else if (kind === 'stream') {
      await deps.schedule.streamFor(actor, subjectId, 'read');
    } else {
      await deps.timetable.speakerTimetable(actor, subjectId, {});
    }
  }

  return {
    async createFeed(actor: Actor, body: CreateFeedBody): Promise<Feed & { url: string }> {
      await authorize(actor, body.kind, body.subjectId);
      const token = generateToken();
      const row = await deps.db.transaction(async (tx) => {
        const [created] = await tx.insert(feedTokens).values({ tokenHash: hashToken(token), kind: body.kind, subjectId: body.subjectId, createdBy: actor.userId }).returning();
        await recordAudit(tx, { actor, action: 'calendar_feed.create', entity: 'calendar_feed', entityId: created!.id, details: { kind: body.kind } });
        return created!;
      });
      return { ...toFeed(row), url: `${deps.publicUrl}/api/calendar/${token}.ics` };
    },
    async listFeeds(actor: Actor): Promise<{ items: Feed[] }> {
      if (!actor.userId) return { items: [] };
      const rows = await deps.db.select().from(feedTokens).where(eq(feedTokens.createdBy, actor.userId)).orderBy(desc(feedTokens.createdAt));
      return { items: rows.map(toFeed) };
    },
    async revokeFeed(actor: Actor, id: string): Promise<Feed> {
      const [row] = await deps.db.select().from(feedTokens).where(eq(feedTokens.id, id));
      if (!row || (row.createdBy !== actor.userId && !isAdmin(actor))) throw notFound();
      const revokedAt = row.revokedAt ?? deps.clock.now();
      await deps.db.transaction(async (tx) => {
        await tx.update(feedTokens).set({ revokedAt }).where(eq(feedTokens.id, id));
        await recordAudit(tx, { actor, action: 'calendar_feed.revoke', entity: 'calendar_feed', entityId: id });
      });
      return toFeed({ ...row, revokedAt });
    },

    /** The public side: a live, unrevoked token answers its calendar; anything else is 404. */
    async feedCalendar(token: string, locale: Locale): Promise<CalendarFile> {
      const [row] = await deps.db.select().from(feedTokens).where(and(eq(feedTokens.tokenHash, hashToken(token.replace(/\.ics$/, ''))), isNull(feedTokens.revokedAt)));
      if (!row) throw notFound();
      const kind = row.kind as FeedKind;
      return cachedCalendar(kind, row.subjectId, locale, locale === 'en' ? 'School of Mayors' : 'Школа мэров', `${kind}.ics`);
    },

    async myCalendar(actor: Actor, locale: Locale): Promise<CalendarFile> {
      if (!actor.personId) throw new AppError('forbidden', { fields: [{ path: 'personId', key: 'schedule.no_person' }] });
      return render(locale === 'en' ? 'My timetable' : 'Моё расписание', await sessionsOf('participant', actor.personId), locale, 'timetable.ics');
    },
    async streamCalendar(actor: Actor, streamId: string, locale: Locale): Promise<CalendarFile> {
      const { stream } = await deps.schedule.streamFor(actor, streamId, 'read');
      return cachedCalendar('stream', streamId, locale, locale === 'en' ? `Stream ${stream.streamNumber}` : `Поток ${stream.streamNumber}`, `stream-${stream.streamNumber}.ics`);
    },
    async speakerCalendar(actor: Actor, speakerId: string, locale: Locale): Promise<CalendarFile> {
      const { items } = await deps.timetable.speakerTimetable(actor, speakerId, {});
      const speaker = await scheduleRepo.findSpeaker(speakerId);
      return render(locale === 'en' ? speaker!.nameEn : speaker!.nameRu, items, locale, 'speaker.ics');
    },
    async sessionCalendar(actor: Actor, session: Session, locale: Locale): Promise<CalendarFile> {
      void actor;
      return render(locale === 'en' ? session.titleEn : session.titleRu, [session], locale, 'session.ics');
    },
  };
}

export type FeedsService = ReturnType<typeof createFeedsService>;

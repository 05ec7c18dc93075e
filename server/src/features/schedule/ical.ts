import ical, { ICalCalendarMethod } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { SESSION_KINDS, type Session } from '@ms/contracts/schedule';
import type { Locale } from '../../lib/messages.ts';

const wallClock = new Map<string, Intl.DateTimeFormat>();

/**
 * The venue-local wall-clock time as a zone-less ISO string. ical-generator writes a native Date with a
 * TZID using the *process's* local getters; a zone-less string parses as process-local time and so reads
 * back the same wall clock, whatever TZ the server runs in.
 */
function localWallClock(instant: Date, timeZone: string): string {
  let format = wallClock.get(timeZone);
  if (!format) {
    // sv-SE formats as "YYYY-MM-DD HH:mm:ss".
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    wallClock.set(timeZone, format);
  }
  return format.format(instant).replace(' ', 'T');
}

/**
 * An RFC 5545 calendar of sessions. Each event carries its venue's TZID and the calendar embeds a
 * VTIMEZONE for every zone used, so clients show Irkutsk sessions in Irkutsk time wherever they are.
 */
export function buildCalendar(options: { name: string; sessions: Session[]; locale: Locale; publicUrl: string; now: Date }): string {
  const { locale } = options;
  const calendar = ical({
    name: options.name,
    prodId: { company: 'mayors-school', product: 'schedule', language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: getVtimezoneComponent },
    // Feed readers poll; an hour keeps changes visible the same day without hammering the server.
    ttl: 3600,
  });
  for (const session of options.sessions) {
    const title = locale === 'en' ? session.titleEn : session.titleRu;
    const venue = locale === 'en' ? session.venueNameEn : session.venueNameRu;
    const speakers = session.speakers.map((s) => (locale === 'en' ? s.nameEn : s.nameRu)).join(', ');
    calendar.createEvent({
      id: `${session.id}@mayors-school`,
      start: localWallClock(new Date(session.startsAt), session.timeZone),
      end: localWallClock(new Date(session.endsAt), session.timeZone),
      timezone: session.timeZone,
      stamp: options.now,
      summary: title,
      location: [venue, session.place].filter(Boolean).join(', '),
      description: [SESSION_KINDS[session.kind][locale], speakers].filter(Boolean).join('\n'),
      categories: [{ name: session.kind }],
    });
  }
  return calendar.toString();
}

import ical, { ICalCalendarMethod } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { SESSION_KINDS, type Session } from '@ms/contracts/schedule';
import type { Locale } from '../../lib/messages.ts';

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
      start: new Date(session.startsAt),
      end: new Date(session.endsAt),
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

import ical, { ICalCalendarMethod } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { Locale } from '../../lib/messages.ts';

/**
 * The zone's wall-clock time as a zone-less ISO string: ical-generator writes a Date with a TZID using the
 * process's local getters, whereas a zone-less string reads back the same wall clock whatever TZ the
 * server runs in (the same approach as the schedule's calendars).
 */
function wallClock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(instant)
    .replace(' ', 'T');
}

/**
 * One candidate's interview as an RFC 5545 calendar: one event with the programme's TZID (and its
 * VTIMEZONE), the place or the meeting link, and a link back to the status page. The UID is stable per
 * candidate and slot, so importing a newer file after a change updates the same event.
 */
export function buildInterviewCalendar(options: {
  slot: { id: string; startsAt: Date; durationMinutes: number; place: string | null; onlineUrl: string | null };
  applicationId: string;
  campaignTitle: string;
  timeZone: string;
  locale: Locale;
  statusUrl: string;
  now: Date;
}): string {
  const { slot, locale } = options;
  const summary = locale === 'en' ? `Interview — ${options.campaignTitle}` : `Собеседование — ${options.campaignTitle}`;
  const calendar = ical({
    name: summary,
    prodId: { company: 'mayors-school', product: 'admissions', language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const details = [
    slot.place ? `${locale === 'en' ? 'Place' : 'Место'}: ${slot.place}` : null,
    slot.onlineUrl ? `${locale === 'en' ? 'Online meeting' : 'Онлайн-встреча'}: ${slot.onlineUrl}` : null,
    `${locale === 'en' ? 'Application' : 'Заявка'}: ${options.statusUrl}`,
  ].filter(Boolean);
  calendar.createEvent({
    id: `interview-${options.applicationId}@mayors-school`,
    start: wallClock(slot.startsAt, options.timeZone),
    end: wallClock(new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000), options.timeZone),
    timezone: options.timeZone,
    stamp: options.now,
    summary,
    location: slot.place ?? slot.onlineUrl ?? undefined,
    url: slot.onlineUrl ?? options.statusUrl,
    description: details.join('\n'),
  });
  return calendar.toString();
}

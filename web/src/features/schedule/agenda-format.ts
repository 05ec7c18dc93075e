import type { Session } from '@ms/contracts/schedule';

/** One day of a module: its local date and sessions in start order. */
export interface AgendaDay {
  date: string;
  sessions: Session[];
}

/** One module's part of a timetable. */
export interface AgendaModule {
  moduleId: string;
  moduleNumber: number;
  days: AgendaDay[];
}

/**
 * Groups a timetable by module, then by the local date at the venue (the server computes `localDate`
 * in the venue's zone, so a late session in Irkutsk stays on its own day), each in time order.
 */
export function groupAgenda(sessions: readonly Session[]): AgendaModule[] {
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  const modules: AgendaModule[] = [];
  for (const session of sorted) {
    let module = modules.find((m) => m.moduleId === session.moduleId);
    if (!module) {
      module = { moduleId: session.moduleId, moduleNumber: session.moduleNumber, days: [] };
      modules.push(module);
    }
    let day = module.days.find((d) => d.date === session.localDate);
    if (!day) {
      day = { date: session.localDate, sessions: [] };
      module.days.push(day);
    }
    day.sessions.push(session);
  }
  return modules;
}

const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'ru-RU');

/** "10:00–11:30" in the venue's time zone (not the reader's). */
export function formatTimeRange(startsAt: string, endsAt: string, timeZone: string, language: string): string {
  const format = new Intl.DateTimeFormat(localeOf(language), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${format.format(new Date(startsAt))}–${format.format(new Date(endsAt))}`;
}

/** The zone's short name at that instant, e.g. "GMT+3" / "UTC+8", so readers far away are not misled. */
export function zoneLabel(instant: string, timeZone: string, language: string): string {
  const parts = new Intl.DateTimeFormat(localeOf(language), { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date(instant));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** A local YYYY-MM-DD as "Понедельник, 2 июня 2025 г." without shifting it through time zones. */
export function formatDay(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const text = new Intl.DateTimeFormat(localeOf(language), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
  // Only the first letter: CSS capitalize would also raise "июня" and "г.".
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

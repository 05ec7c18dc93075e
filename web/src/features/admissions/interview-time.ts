/** How an interview's time reads to the applicant: in their own zone, and in the programme's when it differs. */
export interface InterviewTimeText {
  /** "вторник, 12 марта 2030 г." */
  day: string;
  /** "10:00–10:45" */
  hours: string;
  /** The reader's zone by name ("Москва, стандартное время"). */
  zoneName: string;
  /** "03:00–03:45" in the programme's zone, or null when the reader is on the same clock. */
  programmeHours: string | null;
}

const tagOf = (language: string) => (language === 'en' ? 'en-GB' : 'ru-RU');

function hoursIn(start: Date, end: Date, timeZone: string, tag: string): string {
  const format = new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${format.format(start)}–${format.format(end)}`;
}

/**
 * The slot's day and hours in the reader's zone (the browser's unless given), with the zone named, and the
 * programme's hours beside them when the two clocks differ at that moment (DST-safe: compared on the instant).
 */
export function interviewTimeText(startsAt: string, endsAt: string, options: { language: string; programmeZone: string; userZone?: string }): InterviewTimeText {
  const tag = tagOf(options.language);
  const userZone = options.userZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const day = new Intl.DateTimeFormat(tag, { timeZone: userZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(start);
  const zoneName = new Intl.DateTimeFormat(tag, { timeZone: userZone, timeZoneName: 'long' }).formatToParts(start).find((p) => p.type === 'timeZoneName')?.value ?? userZone;
  const hours = hoursIn(start, end, userZone, tag);
  const programmeHours = hoursIn(start, end, options.programmeZone, tag);
  const sameDay = new Intl.DateTimeFormat('en-CA', { timeZone: userZone }).format(start) === new Intl.DateTimeFormat('en-CA', { timeZone: options.programmeZone }).format(start);
  return { day, hours, zoneName, programmeHours: programmeHours === hours && sameDay ? null : programmeHours };
}

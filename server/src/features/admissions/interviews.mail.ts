import { translate } from '../../lib/i18n.ts';
import type { Mailer } from '../../lib/mailer.ts';
import type { Locale } from '../../lib/messages.ts';

/** What a letter says about a slot. */
export interface SlotFacts {
  startsAt: Date;
  durationMinutes: number;
  place: string | null;
  onlineUrl: string | null;
}

/** A candidate a letter goes to (as the interviews repo's `recipients` returns them). */
export interface Recipient {
  applicationId: string;
  email: string | null;
  firstName: string;
  locale: string | null;
  titleRu: string;
  titleEn: string;
}

export type InterviewLetter = { kind: 'invited'; slot: SlotFacts } | { kind: 'moved'; slot: SlotFacts; before: SlotFacts } | { kind: 'cancelled'; before: SlotFacts };

/**
 * "вторник, 12 марта 2030 г. в 10:00 (Москва, стандартное время)": the programme's zone, named, so a
 * candidate in another zone knows which clock the time is on.
 */
export function formatSlotTime(instant: Date, timeZone: string, locale: Locale): string {
  const tag = locale === 'en' ? 'en-GB' : 'ru-RU';
  const when = new Intl.DateTimeFormat(tag, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(instant);
  const zone = new Intl.DateTimeFormat(tag, { timeZone, timeZoneName: 'long' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return `${when} (${zone})`;
}

function where(slot: SlotFacts, locale: Locale): string {
  return [
    slot.place ? translate(locale, 'mail.admissions.interview.place', { place: slot.place }) : null,
    slot.onlineUrl ? translate(locale, 'mail.admissions.interview.online', { url: slot.onlineUrl }) : null,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Tells candidates about their interview (invited, moved, cancelled), each in their account's language,
 * through the mailer (the outbox records every letter). Called after the change committed.
 */
export async function sendInterviewLetters(deps: { mailer: Mailer; publicUrl: string; timeZone: string }, recipients: Recipient[], letter: InterviewLetter): Promise<void> {
  for (const r of recipients) {
    if (!r.email) continue;
    const locale: Locale = r.locale === 'en' ? 'en' : 'ru';
    const campaign = locale === 'en' ? r.titleEn : r.titleRu;
    const link = `${deps.publicUrl}/my-applications/${r.applicationId}`;
    const params: Record<string, string | number> = { name: r.firstName, campaign, link };
    if (letter.kind === 'cancelled') params.when = formatSlotTime(letter.before.startsAt, deps.timeZone, locale);
    else Object.assign(params, { when: formatSlotTime(letter.slot.startsAt, deps.timeZone, locale), duration: letter.slot.durationMinutes, where: where(letter.slot, locale) });
    if (letter.kind === 'moved') {
      params.before = [formatSlotTime(letter.before.startsAt, deps.timeZone, locale), letter.before.place ?? letter.before.onlineUrl].filter(Boolean).join(', ');
    }
    await deps.mailer.send({
      to: r.email,
      kind: `admission_interview_${letter.kind}`,
      subject: translate(locale, `mail.admissions.interview.${letter.kind}.subject`, { campaign }),
      text: translate(locale, `mail.admissions.interview.${letter.kind}.body`, params),
      meta: { applicationId: r.applicationId },
    });
  }
}

/** Whether a change moves the candidates: a new time, length, place or link (capacity and panel do not). */
export function isMaterialChange(before: SlotFacts, after: SlotFacts): boolean {
  return before.startsAt.getTime() !== after.startsAt.getTime() || before.durationMinutes !== after.durationMinutes || before.place !== after.place || before.onlineUrl !== after.onlineUrl;
}

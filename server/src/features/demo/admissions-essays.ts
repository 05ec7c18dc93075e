import { AREA_CODES, AREA_LABELS, type AreaCode } from '@ms/contracts/areas';
import { FEDERAL_SUBJECTS } from '../reference/federal-subjects.data.ts';
import { AREAS, CLOSINGS, FIRST_LEADS, OPENINGS, PLACE_WORDS, POST_AREAS, TERRITORY, SECOND_LEADS, TERRITORY_AREAS, WHY_SCHOOL, type PostKind, type Territory } from './admissions-essays.data.ts';
import { pick, pickWeighted, randomInt, type Rng } from './prng.ts';

const CAPITALS = new Set(['RU-MOW', 'RU-SPE', 'RU-MOS', 'RU-LEN', 'RU-SEV']);
const subjects = new Map(FEDERAL_SUBJECTS.map((s) => [s.code, s]));

/** The kind of territory a region mostly is (its capital's latitude and its federal district). */
export function territoryOf(regionCode: string): Territory {
  const subject = subjects.get(regionCode);
  if (!subject || CAPITALS.has(regionCode)) return 'capital';
  if (subject.lat >= 60) return 'north';
  if (subject.federalDistrict === 'FEFD') return 'far_east';
  if (subject.federalDistrict === 'SFD' || subject.federalDistrict === 'NCFD') return 'south';
  if (subject.federalDistrict === 'UFD' || subject.federalDistrict === 'SibFD') return 'siberia_ural';
  if (subject.federalDistrict === 'VFD') return 'volga';
  return 'central';
}

/** The kind of post, from the position's wording. */
export function postKindOf(position: string | null | undefined): PostKind {
  const text = (position ?? '').toLowerCase();
  if (/эконом|финанс|инвест|закуп/.test(text)) return 'economy';
  if (/заместител/.test(text)) return 'deputy';
  return 'head';
}

/** "5 лет", "2 года", "21 год". */
function yearsText(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word = mod10 === 1 && mod100 !== 11 ? 'год' : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 'года' : 'лет';
  return `${n} ${word}`;
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

/**
 * A plausible Russian motivation essay for a demo applicant, the same for the same random source: an
 * opening by post, a paragraph on the kind of territory, two of the 30 improvement areas (favouring those
 * of the territory and the post) each with a problem, a plan and a measurable aim, why the School, and a
 * closing. It names no region or municipality, so blind scoring stays blind.
 */
export function composeEssay(rng: Rng, applicant: { regionCode: string; position: string | null | undefined; managementYears: number | null | undefined }): string {
  const territory = territoryOf(applicant.regionCode);
  const post = postKindOf(applicant.position);
  const placeWord = PLACE_WORDS.find((p) => p.pattern.test(applicant.position ?? ''))?.word ?? 'муниципалитет';
  const favoured = new Set<AreaCode>([...TERRITORY_AREAS[territory], ...POST_AREAS[post]]);
  const weighted = AREA_CODES.map((code) => ({ code, weight: favoured.has(code) ? 6 : 1 }));
  const first = pickWeighted(rng, weighted).code;
  const second = pickWeighted(rng, weighted.filter((w) => w.code !== first)).code;
  const years = yearsText(Math.max(1, applicant.managementYears ?? randomInt(rng, 2, 12)));
  const numbers = () => ({ n: randomInt(rng, 2, 3), p: 5 * randomInt(rng, 4, 16), m: 50 * randomInt(rng, 2, 40), k: randomInt(rng, 5, 20) });
  const area = (code: AreaCode, leads: readonly string[]) => {
    const a = AREAS[code];
    const label = AREA_LABELS[code].ru;
    const lead = fill(pick(rng, leads), { area: label.charAt(0).toLowerCase() + label.slice(1) });
    const values = numbers();
    return `${lead} ${fill(a.problem, values)} ${a.action} Цель — ${fill(a.aim, values)}.`;
  };
  const paragraphs = [
    `${fill(pick(rng, OPENINGS[post]), { place: placeWord, years })} ${pick(rng, TERRITORY[territory])}`,
    area(first, FIRST_LEADS),
    area(second, SECOND_LEADS),
    `${pick(rng, WHY_SCHOOL)} ${pick(rng, CLOSINGS)}`,
  ];
  return paragraphs.join('\n\n');
}

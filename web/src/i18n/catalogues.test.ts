import { describe, expect, it } from 'vitest';
import en from './en.json';
import ru from './ru.json';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf key as a dotted path; plural forms collapse to their base key (languages differ in forms). */
function keysOf(catalogue: unknown, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(catalogue as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const inner of keysOf(value, path)) keys.add(inner);
    else keys.add(path.replace(PLURAL_SUFFIX, ''));
  }
  return keys;
}

function leaves(catalogue: unknown, prefix = ''): [string, unknown][] {
  return Object.entries(catalogue as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' ? leaves(value, path) : [[path, value] as [string, unknown]];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translation catalogues', () => {
  const ruKeys = keysOf(ru);
  const enKeys = keysOf(en);

  it('has every Russian key in English', () => {
    expect([...ruKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('has every English key in Russian', () => {
    expect([...enKeys].filter((k) => !ruKeys.has(k))).toEqual([]);
  });

  it('has no empty texts', () => {
    const empty = [...leaves(ru), ...leaves(en)].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const enTexts = new Map(leaves(en).map(([k, v]) => [k.replace(PLURAL_SUFFIX, ''), String(v)]));
    const mismatched = leaves(ru)
      .map(([k, v]) => [k.replace(PLURAL_SUFFIX, ''), String(v)] as const)
      .filter(([k, v]) => enTexts.has(k) && placeholders(v).join() !== placeholders(enTexts.get(k)!).join())
      .map(([k]) => k);
    expect([...new Set(mismatched)]).toEqual([]);
  });

  it('gives Russian plurals all four forms and English both', () => {
    const forms = (catalogue: unknown) => {
      const byBase = new Map<string, Set<string>>();
      for (const [key] of leaves(catalogue)) {
        const match = PLURAL_SUFFIX.exec(key);
        if (!match) continue;
        const base = key.replace(PLURAL_SUFFIX, '');
        byBase.set(base, (byBase.get(base) ?? new Set()).add(match[1]!));
      }
      return byBase;
    };
    for (const [base, set] of forms(ru)) expect([base, [...set].sort()]).toEqual([base, ['few', 'many', 'one', 'other']]);
    for (const [base, set] of forms(en)) expect([base, [...set].sort()]).toEqual([base, ['one', 'other']]);
  });
});

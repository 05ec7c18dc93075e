import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { localName, useLocalised } from './names.ts';
import { regionsQuery } from './reference.ts';

/**
 * The 89 federal subjects in the UI language: a name by ISO code (the code itself until the list has
 * loaded, or for a code the list lacks), and options for a select, sorted alphabetically in that language.
 */
export function useRegions() {
  const { language } = useLocalised();
  const query = useQuery(regionsQuery);
  const { data } = query;
  const lookup = useMemo(() => {
    const names = new Map((data ?? []).map((r) => [r.code, localName(r, language)]));
    const options = [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, language));
    return { options, name: (code: string | null | undefined) => (code ? (names.get(code) ?? code) : '—') };
  }, [data, language]);
  return { query, ...lookup };
}

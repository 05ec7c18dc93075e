import { Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { federalDistrictsQuery, regionsQuery } from '../../api/reference.ts';
import { SearchInput } from '../../components/SearchInput.tsx';
import type { RosterSearch } from './roster-search.ts';

interface RosterFiltersProps {
  search: RosterSearch;
  onChange: (patch: Partial<RosterSearch>) => void;
}

/** Search, region, federal district and status filters above the roster. */
export function RosterFilters({ search, onChange }: RosterFiltersProps) {
  const { t } = useTranslation();
  const l = useLocalised();
  const regions = useQuery(regionsQuery);
  const districts = useQuery(federalDistrictsQuery);
  const regionOptions = (regions.data ?? [])
    .filter((r) => !search.district || r.federalDistrict === search.district)
    .map((r) => ({ value: r.code, label: l.name(r) }))
    .sort((a, b) => a.label.localeCompare(b.label, l.language));
  const hasFilters = Boolean(search.q || search.region || search.district || search.status);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SearchInput label={t('common.search')} placeholder={t('roster.searchHint')} value={search.q} onSearch={(q) => onChange({ q })} />
      <Select
        label={t('roster.district')}
        placeholder={t('common.all')}
        clearable
        w={{ base: '100%', xs: 200 }}
        data={(districts.data ?? []).map((d) => ({ value: d.code, label: l.name(d) }))}
        value={search.district ?? null}
        onChange={(value) => onChange({ district: value ?? undefined, region: undefined })}
      />
      <Select
        label={t('roster.region')}
        placeholder={t('common.all')}
        clearable
        searchable
        w={{ base: '100%', xs: 240 }}
        nothingFoundMessage={t('common.nothingFound')}
        data={regionOptions}
        value={search.region ?? null}
        onChange={(value) => onChange({ region: value ?? undefined })}
      />
      <Select
        label={t('roster.status')}
        placeholder={t('common.all')}
        clearable
        w={{ base: '100%', xs: 170 }}
        data={(['enrolled', 'graduated', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`enrolmentStatus.${s}`) }))}
        value={search.status ?? null}
        onChange={(value) => onChange({ status: (value as RosterSearch['status']) ?? undefined })}
      />
      {hasFilters && (
        <Button variant="subtle" onClick={() => onChange({ q: undefined, region: undefined, district: undefined, status: undefined })}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}

import { Select, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { useRegions } from '../../api/regions.ts';
import { programmesQuery, streamsQuery } from '../programmes/programmes.api.ts';
import { ROLES, type GrantInput, type Role } from './users.api.ts';

/** Role and where it applies: programme, optionally one stream, and the region for coordinators. */
export function GrantFields({ value, onChange, errorFor }: { value: GrantInput; onChange: (g: GrantInput) => void; errorFor?: (field: string) => string | undefined }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const programmes = useQuery(programmesQuery({ page: 1, pageSize: 500 }));
  const streams = useQuery({ ...streamsQuery({ programmeId: value.programmeId ?? undefined }), enabled: Boolean(value.programmeId) });
  const regions = useRegions();
  const isPlatformWide = value.role === 'admin';

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t('users.role')}
        required
        allowDeselect={false}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={value.role}
        onChange={(role) => role && onChange({ role: role as Role, programmeId: role === 'admin' ? null : value.programmeId, streamId: role === 'admin' ? null : value.streamId, regionCode: role === 'coordinator' ? value.regionCode : null })}
        error={errorFor?.('role')}
      />
      {!isPlatformWide && (
        <Select
          label={t('users.programme')}
          placeholder={t('users.anyProgramme')}
          clearable
          searchable
          data={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: l.name(p) }))}
          value={value.programmeId ?? null}
          onChange={(programmeId) => onChange({ ...value, programmeId, streamId: null })}
          error={errorFor?.('programmeId')}
        />
      )}
      {!isPlatformWide && value.programmeId && (
        <Select
          label={t('users.stream')}
          placeholder={t('users.anyStream')}
          clearable
          data={(streams.data?.items ?? []).map((s) => ({ value: s.id, label: l.name(s) }))}
          value={value.streamId ?? null}
          onChange={(streamId) => onChange({ ...value, streamId })}
          error={errorFor?.('streamId')}
        />
      )}
      {value.role === 'coordinator' && (
        <Select
          label={t('users.region')}
          required
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data={regions.options}
          value={value.regionCode ?? null}
          onChange={(regionCode) => onChange({ ...value, regionCode })}
          error={errorFor?.('regionCode')}
        />
      )}
    </SimpleGrid>
  );
}

import { Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AFFILIATION_KINDS, type AffiliationKind } from '@ms/contracts/schedule';
import { localName, useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { programmeQuery } from '../programmes/programmes.api.ts';
import { speakersQuery, type Speaker } from './schedule-manage.api.ts';

const route = getRouteApi('/app/programmes/$programmeId/speakers');
export const AFFILIATIONS = Object.keys(AFFILIATION_KINDS) as AffiliationKind[];

/** A programme's speakers registry, filtered by affiliation kind (kept in the URL). */
export function SpeakersPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const { programmeId } = route.useParams();
  const { affiliation } = route.useSearch();
  const navigate = route.useNavigate();
  const programme = useQuery(programmeQuery(programmeId));
  const speakers = useQuery(speakersQuery(programmeId));
  const columns: Array<Column<Speaker>> = [
    {
      key: 'name',
      label: t('speakers.name'),
      card: 'title',
      render: (s) => (
        <AnchorLink to="/speakers/$speakerId" params={{ speakerId: s.id }}>
          {l.name(s)}
        </AnchorLink>
      ),
    },
    { key: 'affiliation', label: t('speakers.affiliation'), render: (s) => t(`speakers.kind.${s.affiliationKind}`) },
    { key: 'organisation', label: t('speakers.organisation'), render: (s) => localName({ nameRu: s.organisationRu, nameEn: s.organisationEn }, l.language) || '—' },
    { key: 'sessions', label: t('speakers.sessionCount'), render: (s) => s.sessionCount, nowrap: true },
  ];

  return (
    <Stack>
      {programme.data && (
        <AnchorLink to="/programmes/$programmeId" params={{ programmeId }} size="sm" w="fit-content">
          {`← ${l.name(programme.data)}`}
        </AnchorLink>
      )}
      <PageTitle>{t('speakers.title')}</PageTitle>
      <Select
        label={t('speakers.affiliation')}
        w={{ base: '100%', xs: 360 }}
        data={[{ value: '', label: t('common.all') }, ...AFFILIATIONS.map((k) => ({ value: k, label: t(`speakers.kind.${k}`) }))]}
        value={affiliation ?? ''}
        allowDeselect={false}
        onChange={(value) => void navigate({ search: { affiliation: AFFILIATIONS.find((k) => k === value) }, replace: true })}
      />
      <QueryState query={speakers}>
        {(items) => {
          const rows = items.filter((s) => !affiliation || s.affiliationKind === affiliation).sort((a, b) => l.name(a).localeCompare(l.name(b), l.language));
          return rows.length === 0 ? (
            <Text c="dimmed">{t('common.nothingFound')}</Text>
          ) : (
            <ResponsiveTable caption={t('speakers.title')} rows={rows} rowKey={(s) => s.id} columns={columns} />
          );
        }}
      </QueryState>
    </Stack>
  );
}

import { Anchor, Badge, Button, Group, MultiSelect, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AREA_CODES, AREA_LABELS, type AreaCode } from '@ms/contracts/areas';
import { meQuery } from '../../api/auth.ts';
import { useLocalised } from '../../api/names.ts';
import { federalDistrictsQuery } from '../../api/reference.ts';
import { useRegions } from '../../api/regions.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { exportHref, PAGE_SIZE, practiceModulesQuery, practicesQuery, type PracticesSearch } from './practices.api.ts';
import { PRACTICE_SORTS } from './practice-sorts.ts';
import { Snippet } from './Snippet.tsx';

const route = getRouteApi('/app/practices');

/** The library: Russian full-text search, filters by area, region, district and module, sorted and paged. */
export function PracticesPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const lang: 'ru' | 'en' = l.language === 'en' ? 'en' : 'ru';
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { data: me } = useSuspenseQuery(meQuery);
  const regions = useRegions();
  const districts = useQuery(federalDistrictsQuery);
  const modules = useQuery(practiceModulesQuery);
  const results = useQuery(practicesQuery(search));
  const update = (patch: Partial<PracticesSearch>) => void navigate({ search: (s) => ({ ...s, page: 1, ...patch }), replace: true });
  const isStaff = me?.roles.some((r) => r === 'staff' || r === 'admin') ?? false;
  const areas = search.areas ? search.areas.split(',') : [];
  const areaLabel = (code: string) => AREA_LABELS[code as AreaCode]?.[lang] ?? code;

  return (
    <Stack>
      <PageTitle
        actions={
          <>
            <ButtonLink to="/practices/flows" variant="light">
              {t('practices.flows.title')}
            </ButtonLink>
            {isStaff && (
              <ButtonLink to="/practices/curation" variant="light">
                {t('practices.curation.title')}
              </ButtonLink>
            )}
          </>
        }
      >
        {t('practices.title')}
      </PageTitle>
      <Text size="sm" c="dimmed">
        {t('practices.hint')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <SearchInput label={t('practices.search')} placeholder={t('practices.searchPlaceholder')} value={search.q} onSearch={(q) => update({ q, sort: q ? search.sort : undefined })} w={{ base: '100%', xs: 320 }} />
        <MultiSelect
          label={t('practices.areas')}
          placeholder={areas.length === 0 ? t('common.all') : undefined}
          data={AREA_CODES.map((code) => ({ value: code, label: areaLabel(code) }))}
          value={areas}
          onChange={(v) => update({ areas: v.length > 0 ? v.join(',') : undefined })}
          searchable
          clearable
          w={{ base: '100%', xs: 320 }}
        />
        <Select
          label={t('practices.region')}
          placeholder={t('common.all')}
          data={regions.options}
          value={search.region ?? null}
          onChange={(region) => update({ region: region ?? undefined })}
          searchable
          clearable
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={t('practices.district')}
          placeholder={t('common.all')}
          data={(districts.data ?? []).map((d) => ({ value: d.code, label: l.name(d) }))}
          value={search.district ?? null}
          onChange={(district) => update({ district: district ?? undefined })}
          clearable
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={t('practices.module')}
          placeholder={t('common.all')}
          data={(modules.data ?? []).map((m) => ({
            value: m.id,
            label: t('practices.moduleOption', { module: m.moduleNumber, stream: m.streamNumber, theme: lang === 'en' ? m.themeEn : m.themeRu, count: m.practices }),
          }))}
          value={search.moduleId ?? null}
          onChange={(moduleId) => update({ moduleId: moduleId ?? undefined })}
          searchable
          clearable
          w={{ base: '100%', xs: 320 }}
        />
        <Select
          label={t('practices.sort')}
          data={PRACTICE_SORTS.map((s) => ({ value: s, label: t(`practices.sorts.${s}`) }))}
          value={search.sort ?? 'relevance'}
          onChange={(sort) => update({ sort: PRACTICE_SORTS.find((s) => s === sort) })}
          allowDeselect={false}
          w={{ base: '100%', xs: 200 }}
        />
      </Group>
      <Group gap="xs">
        {(search.q || search.areas || search.region || search.district || search.moduleId) && (
          <Button size="xs" variant="subtle" onClick={() => void navigate({ search: {}, replace: true })}>
            {t('common.clearFilters')}
          </Button>
        )}
        <Anchor href={exportHref(search)} size="sm" download>
          {t('practices.exportCsv')}
        </Anchor>
      </Group>
      <QueryState query={results}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">{t('practices.empty')}</Text>
          ) : (
            <div>
              <Text size="sm" c="dimmed" role="status">
                {page.totalCapped ? t('practices.foundMore', { count: page.total }) : t('practices.found', { count: page.total })}
              </Text>
              <Stack gap="sm" mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('practices.results')}>
                {page.items.map((p) => (
                  <Paper component="li" key={p.id} withBorder p="md" radius="md">
                    <Title order={2} size="h4">
                      <AnchorLink to="/practices/$practiceId" params={{ practiceId: p.id }}>
                        {p.title}
                      </AnchorLink>
                    </Title>
                    <Text size="sm" c="dimmed" mt={4}>
                      {[l.language === 'en' ? p.originRegionNameEn : p.originRegionNameRu, p.originMunicipalityName].filter(Boolean).join(' · ')}
                      {' · '}
                      {t('practices.adoptions', { count: p.adoptionCount })}
                    </Text>
                    <Text size="sm" mt="xs">
                      {p.snippet ? <Snippet segments={p.snippet} /> : p.summary}
                    </Text>
                    <Group gap={6} mt="xs">
                      {p.areas.map((a) => (
                        <Badge key={a} variant="light" size="sm">
                          {areaLabel(a)}
                        </Badge>
                      ))}
                    </Group>
                  </Paper>
                ))}
              </Stack>
              <TablePager page={page.page} pageSize={PAGE_SIZE} total={page.total} onPage={(p) => void navigate({ search: (s) => ({ ...s, page: p }) })} />
            </div>
          )
        }
      </QueryState>
    </Stack>
  );
}

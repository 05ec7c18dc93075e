import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { programmesQuery } from '../programmes/programmes.api.ts';
import { overdueQuery, practicesQuery, sendReminders, type OverdueItem } from './practices.api.ts';

/** Staff: proposals to approve, reject or merge, and the adopters whose check-ins are overdue. */
export function CurationPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const proposals = useQuery(practicesQuery({ status: 'proposed', sort: 'newest' }));
  const programmes = useQuery(programmesQuery({ pageSize: 100 }));
  const [chosen, setChosen] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const programmeId = chosen ?? programmes.data?.items[0]?.id ?? null;
  const overdue = useQuery({ ...overdueQuery(programmeId ?? '', page), enabled: programmeId !== null });
  const remind = useMutation({ mutationFn: () => sendReminders(programmeId ?? '') });

  return (
    <Stack>
      <Text size="sm">
        <AnchorLink to="/practices">{t('practices.title')}</AnchorLink>
      </Text>
      <PageTitle>{t('practices.curation.title')}</PageTitle>
      <Title order={2} size="h3">
        {t('practices.curation.queue')}
      </Title>
      <QueryState query={proposals}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('practices.curation.queueEmpty')}</Text>
          ) : (
            <ResponsiveTable
              caption={t('practices.curation.queue')}
              rows={data.items}
              rowKey={(p) => p.id}
              columns={[
                { key: 'title', label: t('practices.column.title'), card: 'title', render: (p) => <AnchorLink to="/practices/$practiceId" params={{ practiceId: p.id }}>{p.title}</AnchorLink> },
                { key: 'region', label: t('practices.region'), render: (p) => (l.language === 'en' ? p.originRegionNameEn : p.originRegionNameRu) },
                { key: 'summary', label: t('practices.column.summary'), render: (p) => p.summary },
                { key: 'updated', label: t('practices.column.proposedAt'), nowrap: true, render: (p) => l.dateTime(p.updatedAt) },
              ]}
            />
          )
        }
      </QueryState>

      <Title order={2} size="h3">
        {t('practices.curation.overdue')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('practices.programme')}
          data={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.nameRu }))}
          value={programmeId}
          onChange={(v) => {
            setChosen(v);
            setPage(1);
          }}
          allowDeselect={false}
          w={{ base: '100%', xs: 360 }}
        />
        <Button variant="light" onClick={() => remind.mutate()} loading={remind.isPending} disabled={!programmeId}>
          {t('practices.curation.sendReminders')}
        </Button>
      </Group>
      {remind.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {t('practices.curation.remindersQueued')}
        </Alert>
      )}
      <ProblemAlert error={remind.error} />
      {programmeId && (
        <QueryState query={overdue}>
          {(data) =>
            data.items.length === 0 ? (
              <Text c="dimmed">{t('practices.curation.overdueEmpty')}</Text>
            ) : (
              <div>
                <ResponsiveTable<OverdueItem>
                  caption={t('practices.curation.overdue')}
                  rows={data.items}
                  rowKey={(o) => o.checkInId}
                  columns={[
                    { key: 'adopter', label: t('practices.column.adopter'), card: 'title', render: (o) => <AnchorLink to="/me/adoptions/$planId" params={{ planId: o.planId }}>{o.adopterName}</AnchorLink> },
                    { key: 'practice', label: t('practices.column.title'), render: (o) => o.practiceTitle },
                    { key: 'municipality', label: t('practices.municipality'), render: (o) => o.municipalityName },
                    { key: 'checkIn', label: t('practices.column.checkIn'), nowrap: true, render: (o) => t('practices.checkInAfter', { count: o.monthsAfter }) },
                    { key: 'due', label: t('practices.column.due'), nowrap: true, render: (o) => `${l.date(o.dueOn)} (${t('practices.daysOverdue', { count: o.daysOverdue })})` },
                    { key: 'reminded', label: t('practices.column.reminded'), nowrap: true, render: (o) => (o.remindedAt ? l.dateTime(o.remindedAt) : '—') },
                  ]}
                />
                <TablePager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
              </div>
            )
          }
        </QueryState>
      )}
    </Stack>
  );
}

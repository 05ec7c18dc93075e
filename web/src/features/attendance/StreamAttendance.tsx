import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { useRegions } from '../../api/regions.ts';
import { useClientTable } from '../../components/client-table.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { AttendanceImport } from './AttendanceImport.tsx';
import { attendanceExportUrl, streamAttendanceQuery, type StreamAttendance as Report } from './attendance.api.ts';

type Row = Report['participants'][number];

/** Attendance for staff: % per module and per participant, the at-risk list, and the CSV export and import. */
export function StreamAttendance({ streamId }: { streamId: string }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const report = useQuery(streamAttendanceQuery(streamId));
  const regions = useRegions();
  const pct = (n: number) => `${n.toLocaleString(l.language === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 1 })} %`;
  const columns: Array<Column<Row>> = [
    { key: 'name', label: t('attendance.participant'), sortField: 'name', render: (r) => r.fullName, card: 'title' },
    { key: 'pct', label: t('attendance.pct'), sortField: 'pct', render: (r) => pct(r.pct), card: 'badge', nowrap: true },
    { key: 'region', label: t('map.region'), sortField: 'region', render: (r) => regions.name(r.regionCode) },
    { key: 'attended', label: t('attendance.attended'), sortField: 'attended', render: (r) => r.attended },
    { key: 'excused', label: t('attendance.excused'), sortField: 'excused', render: (r) => r.excused },
    { key: 'missed', label: t('attendance.missed'), sortField: 'missed', render: (r) => r.missed },
  ];
  // The whole stream comes in one response (up to a few hundred people): search, order and pages work here.
  const participants = useClientTable(
    report.data?.participants ?? [],
    {
      searchText: (r) => `${r.fullName} ${regions.name(r.regionCode)}`,
      sortKeys: { name: (r) => r.fullName, pct: (r) => r.pct, region: (r) => regions.name(r.regionCode), attended: (r) => r.attended, excused: (r) => r.excused, missed: (r) => r.missed },
    },
    { initialSort: { field: 'name', dir: 'asc' }, locale: l.language },
  );

  return (
    <QueryState query={report}>
      {(data) => (
        <Stack>
          <Group justify="space-between" wrap="wrap">
            <Text>{t('attendance.summary', { sessions: data.pastSessions, threshold: data.thresholdPct })}</Text>
            <Anchor href={attendanceExportUrl(streamId)} download>
              {t('attendance.exportCsv')}
            </Anchor>
          </Group>
          <AttendanceImport streamId={streamId} />
          <Stack component="section" aria-labelledby="at-risk-heading" gap="xs">
            <Title order={2} size="h4" id="at-risk-heading">
              {t('attendance.atRiskTitle', { threshold: data.thresholdPct })}
            </Title>
            {data.atRisk.length === 0 ? (
              <Text c="dimmed">{t('attendance.noneAtRisk')}</Text>
            ) : (
              <ResponsiveTable caption={t('attendance.atRiskCaption')} rows={data.atRisk} rowKey={(r) => r.personId} columns={columns} />
            )}
          </Stack>
          <Stack component="section" aria-labelledby="modules-heading" gap="xs">
            <Title order={2} size="h4" id="modules-heading">
              {t('attendance.byModule')}
            </Title>
            <TableScroll label={t('attendance.byModule')}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('attendance.module')}</Table.Th>
                    <Table.Th>{t('attendance.pastSessions')}</Table.Th>
                    <Table.Th>{t('attendance.pct')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.modules.map((m) => (
                    <Table.Tr key={m.moduleId}>
                      <Table.Td>{t('schedule.moduleNumber', { number: m.number })}</Table.Td>
                      <Table.Td>{m.pastSessions}</Table.Td>
                      <Table.Td>{pct(m.pct)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Stack>
          <Stack component="section" aria-labelledby="participants-heading" gap="xs">
            <Title order={2} size="h4" id="participants-heading">
              {t('attendance.byParticipant')}
            </Title>
            <SearchInput label={t('attendance.searchParticipants')} {...participants.search} />
            <ResponsiveTable caption={t('attendance.byParticipant')} rows={participants.rows} rowKey={(r) => r.personId} columns={columns} sort={participants.sort} />
            <TablePager {...participants.pager} />
          </Stack>
        </Stack>
      )}
    </QueryState>
  );
}

import { Badge, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { ceremonyGraduatesQuery, pdfUrl, type CeremonyGraduates as Data } from './diplomas.api.ts';

type Graduate = Data['graduates'][number];
const STATUS_COLOR = { valid: 'green', revoked: 'red', expired: 'orange' } as const;

/** Staff, on a module page: the graduates of the stream for each ceremony session that is the stream's final one. */
export function CeremonyGraduates({ sessionIds }: { sessionIds: string[] }) {
  return (
    <>
      {sessionIds.map((id) => (
        <GraduatesOf key={id} sessionId={id} />
      ))}
    </>
  );
}

function GraduatesOf({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const query = useQuery(ceremonyGraduatesQuery(sessionId));
  // Only the final module's ceremony lists graduates; the server answers 404 for the others.
  if (!query.data) return null;
  const d = query.data;
  const columns: Array<Column<Graduate>> = [
    { key: 'name', label: t('diplomas.participant'), card: 'title', render: (g) => g.fullName },
    {
      key: 'diploma',
      label: t('diplomas.diploma'),
      card: 'badge',
      nowrap: true,
      render: (g) =>
        g.diploma ? (
          <>
            <Badge color={STATUS_COLOR[g.diploma.status]} variant="light" mr={6}>{t(`diplomas.status.${g.diploma.status}`)}</Badge>
            <a href={pdfUrl(g.diploma.id)} download aria-label={t('diplomas.pdfFor', { name: g.fullName })}>{g.diploma.registryNumber}</a>
          </>
        ) : (
          <Text span size="sm" c="dimmed">{t('diplomas.notIssuedYet')}</Text>
        ),
    },
  ];
  return (
    <Stack component="section" aria-labelledby={`graduates-${sessionId}`} gap="xs">
      <Title order={2} size="h3" id={`graduates-${sessionId}`}>
        {t('diplomas.graduatesTitle')}
      </Title>
      <Text size="sm">
        {t('diplomas.graduatesSummary', { count: d.counts.graduates, issued: d.counts.issued, date: l.dateTime(d.startsAt) })}
        {d.scheduledIssue ? ` ${t('diplomas.scheduledFor', { date: l.dateTime(d.scheduledIssue.startAfter) })}` : ''}
      </Text>
      <ResponsiveTable caption={t('diplomas.graduatesCaption')} rows={d.graduates} rowKey={(g) => g.personId} columns={columns} />
    </Stack>
  );
}

import { Alert, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { myProgressQuery, type MyProgress } from './completion.api.ts';
import { MissingList } from './MissingList.tsx';

/** The participant's own way to the diploma: each rule, where they stand, and what is still missing. */
export function MyProgressPage() {
  const { t } = useTranslation();
  const query = useQuery(myProgressQuery);
  return (
    <Stack maw={760}>
      <PageTitle>{t('completion.myTitle')}</PageTitle>
      <QueryState query={query}>
        {(data) => (data.items.length === 0 ? <Text c="dimmed">{t('completion.notEnrolled')}</Text> : data.items.map((item) => <StreamProgressCard key={item.streamId} item={item} />))}
      </QueryState>
    </Stack>
  );
}

function StreamProgressCard({ item }: { item: MyProgress['items'][number] }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const rules = item.rules;
  const rule = (isOn: boolean, isMet: boolean, text: string) =>
    isOn && (
      <List.Item>
        <Group gap="xs" wrap="nowrap">
          <Badge color={isMet ? 'green' : 'yellow'} variant="light" miw="max-content" style={{ flexShrink: 0 }}>{t(isMet ? 'completion.met' : 'completion.notMet')}</Badge>
          <Text size="sm">{text}</Text>
        </Group>
      </List.Item>
    );
  return (
    <Card withBorder component="section" aria-labelledby={`progress-${item.streamId}`}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`progress-${item.streamId}`}>
          {l.name({ nameRu: item.streamNameRu, nameEn: item.streamNameEn })}
        </Title>
        {item.isEligible ? (
          <Alert color="green" variant="light" title={t('completion.eligible')}>
            {item.exception ? t('completion.byException', { reason: item.exception.reason }) : t('completion.eligibleHint')}
          </Alert>
        ) : (
          <Alert color="yellow" variant="light" title={t('completion.notYetEligible')}>
            {t('completion.stillMissing')}
            <MissingList missing={item.missing} />
          </Alert>
        )}
        <List listStyleType="none" spacing={6}>
          {rule(rules.isAttendanceRequired, !item.missing.some((m) => m.kind === 'attendance'), t('completion.ruleAttendance', { pct: l.number(item.attendancePct), threshold: rules.thresholdPct }))}
          {rule(rules.isAssignmentsRequired, !item.missing.some((m) => m.kind === 'assignment'), t('completion.ruleAssignments', { passed: item.assignmentsPassed, required: item.assignmentsRequired }))}
          {rule(rules.isProjectRequired, !item.missing.some((m) => m.kind === 'project'), t(`completion.ruleProject_${item.projectResult ?? 'none'}`))}
        </List>
      </Stack>
    </Card>
  );
}

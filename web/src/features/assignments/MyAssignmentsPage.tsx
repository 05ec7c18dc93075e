import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { formatDue } from './assignments-format.ts';
import { myAssignmentsQuery, titleOf, type MyAssignmentItem } from './assignments.api.ts';

/** The participant's assignments as cards (a phone first): due time, what was submitted, the released grade. */
export function MyAssignmentsPage() {
  const { t } = useTranslation();
  const query = useQuery(myAssignmentsQuery);
  return (
    <Stack>
      <PageTitle>{t('assignments.myTitle')}</PageTitle>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('assignments.noneForMe')}</Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.items.map((item) => (
                <li key={item.assignment.id}>
                  <AssignmentCard item={item} />
                </li>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function AssignmentCard({ item }: { item: MyAssignmentItem }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const a = item.assignment;
  return (
    <Card withBorder padding="md">
      <Stack gap={6}>
        <AnchorLink to="/me/assignments/$assignmentId" params={{ assignmentId: a.id }} fw={600}>
          {titleOf(a, l.language)}
        </AnchorLink>
        <Text size="sm">
          {t('assignments.moduleNumber', { number: a.moduleNumber })} · {t(`assignments.kind.${a.kind}`)}
        </Text>
        <Text size="sm">{t('assignments.due', { due: formatDue(a.dueAt, a.timeZone, l.language) })}</Text>
        <Group gap="xs">
          {!a.isRequired && <Badge variant="outline" color="gray">{t('assignments.optional')}</Badge>}
          {item.latestVersion === 0 ? (
            <Badge color="yellow" variant="light">{t('assignments.notSubmitted')}</Badge>
          ) : (
            <Badge color="blue" variant="light">{t('assignments.submittedVersion', { version: item.latestVersion })}</Badge>
          )}
          {item.isLate && <Badge color="red" variant="light">{t('assignments.late')}</Badge>}
          {item.isGradeReleased && item.score !== null && (
            <Badge color={item.isPassed ? 'green.9' : 'red.9'}>{t(item.isPassed ? 'assignments.passedScore' : 'assignments.failedScore', { score: l.number(item.score) })}</Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

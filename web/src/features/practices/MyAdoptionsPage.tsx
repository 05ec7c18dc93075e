import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks.tsx';
import { myPlansQuery } from './practices.api.ts';

/** «Мои внедрения»: a participant's adoption plans as cards (phone first), overdue check-ins flagged. */
export function MyAdoptionsPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const plans = useQuery(myPlansQuery);
  return (
    <Stack>
      <PageTitle
        actions={
          <ButtonLink to="/practices" variant="light">
            {t('practices.title')}
          </ButtonLink>
        }
      >
        {t('practices.my.title')}
      </PageTitle>
      <QueryState query={plans}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('practices.my.empty')}</Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('practices.my.title')}>
              {items.map((p) => (
                <Paper component="li" key={p.id} withBorder p="md" radius="md">
                  <Title order={2} size="h4">
                    <AnchorLink to="/me/adoptions/$planId" params={{ planId: p.id }}>
                      {p.practiceTitle}
                    </AnchorLink>
                  </Title>
                  <Text size="sm" c="dimmed">
                    {p.municipalityName} · {t('practices.committedOn', { date: l.date(p.committedOn) })}
                  </Text>
                  <Group gap="xs" mt="xs">
                    <Badge variant="light">{t(`practices.stages.${p.stage}`)}</Badge>
                    {p.overdueCheckIns > 0 ? (
                      <Badge color="red.9">{t('practices.overdueCount', { count: p.overdueCheckIns })}</Badge>
                    ) : p.nextCheckInDueOn ? (
                      <Badge color="gray" variant="outline">
                        {t('practices.nextCheckIn', { date: l.date(p.nextCheckInDueOn) })}
                      </Badge>
                    ) : null}
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

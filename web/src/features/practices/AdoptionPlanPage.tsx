import { useState } from 'react';
import { Badge, Button, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { KPI_UNITS } from '@ms/contracts/practices';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { CheckInForm } from './CheckInForm.tsx';
import { planQuery, type AdoptionPlan } from './practices.api.ts';

const route = getRouteApi('/app/me/adoptions/$planId');
// Dark shades: white badge text on them passes WCAG AA contrast.
const STATE_COLOUR = { done: 'green.9', overdue: 'red.9', upcoming: 'gray.7' } as const;

/** One adoption plan: KPIs with progress, milestones, and the +3/+6/+12 month check-ins to record. */
export function AdoptionPlanPage() {
  const { planId } = route.useParams();
  const plan = useQuery(planQuery(planId));
  return <QueryState query={plan}>{(p) => <PlanView plan={p} />}</QueryState>;
}

function PlanView({ plan }: { plan: AdoptionPlan }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const lang: 'ru' | 'en' = l.language === 'en' ? 'en' : 'ru';
  const [openCheckIn, setOpenCheckIn] = useState<string | null>(null);
  const unit = (u: keyof typeof KPI_UNITS) => KPI_UNITS[u][lang];
  return (
    <Stack>
      <Text size="sm">
        <AnchorLink to="/me/adoptions">{t('practices.my.title')}</AnchorLink>
      </Text>
      <PageTitle>{plan.practiceTitle}</PageTitle>
      <Group gap="xs">
        <Badge variant="light">{t(`practices.stages.${plan.stage}`)}</Badge>
        {plan.overdueCheckIns > 0 && <Badge color="red.9">{t('practices.overdueCount', { count: plan.overdueCheckIns })}</Badge>}
      </Group>
      <Text>
        {plan.municipalityName} · {t('practices.owner')}: {plan.ownerName} · {t('practices.committedOn', { date: l.date(plan.committedOn) })}
      </Text>
      {plan.summary && <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.summary}</Text>}
      <Text size="sm">
        <AnchorLink to="/practices/$practiceId" params={{ practiceId: plan.practiceId }}>
          {t('practices.aboutPractice')}
        </AnchorLink>
      </Text>

      <Title order={2} size="h3">
        {t('practices.checkIns')}
      </Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {plan.checkIns.map((c) => (
          <Paper component="li" key={c.id} withBorder p="md" radius="md">
            <Group justify="space-between" wrap="wrap">
              <div>
                <Text fw={600}>{t('practices.checkInAfter', { count: c.monthsAfter })}</Text>
                <Text size="sm" c="dimmed">
                  {t('practices.dueOn', { date: l.date(c.dueOn) })}
                </Text>
              </div>
              <Badge color={STATE_COLOUR[c.state]}>{t(`practices.checkInState.${c.state}`)}</Badge>
            </Group>
            {c.state === 'done' && (
              <Text size="sm" mt="xs">
                {c.stage && `${t(`practices.stages.${c.stage}`)}. `}
                {c.note}
              </Text>
            )}
            {plan.canEdit && openCheckIn !== c.id && (
              <Button mt="sm" size="sm" variant={c.state === 'done' ? 'subtle' : 'filled'} onClick={() => setOpenCheckIn(c.id)} fullWidth={false}>
                {c.state === 'done' ? t('practices.checkIn.edit') : t('practices.checkIn.record')}
              </Button>
            )}
            {openCheckIn === c.id && <CheckInForm plan={plan} checkIn={c} onDone={() => setOpenCheckIn(null)} />}
          </Paper>
        ))}
      </Stack>

      <Title order={2} size="h3">
        {t('practices.kpis')}
      </Title>
      {plan.kpis.length === 0 ? (
        <Text c="dimmed">{t('practices.noKpis')}</Text>
      ) : (
        <Stack gap="sm">
          {plan.kpis.map((k) => (
            <Paper key={k.id} withBorder p="md">
              <Text fw={600}>{k.name}</Text>
              <Text size="sm">
                {t('practices.kpiLine', { baseline: l.number(k.baseline), target: l.number(k.target), actual: k.actual === null ? '—' : l.number(k.actual), unit: unit(k.unit) })}
              </Text>
              {k.progressPct !== null && (
                <Progress value={Math.max(0, Math.min(100, k.progressPct))} mt="xs" aria-label={t('practices.progressOf', { name: k.name, pct: l.number(k.progressPct) })} />
              )}
            </Paper>
          ))}
        </Stack>
      )}

      {plan.milestones.length > 0 && (
        <>
          <Title order={2} size="h3">
            {t('practices.milestones')}
          </Title>
          <List spacing={4}>
            {plan.milestones.map((m) => (
              <List.Item key={m.id}>
                {m.title} — {m.doneOn ? t('practices.doneOn', { date: l.date(m.doneOn) }) : t('practices.dueOn', { date: l.date(m.dueOn) })}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

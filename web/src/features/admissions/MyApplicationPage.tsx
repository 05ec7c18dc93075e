import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, List, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LEVELS, type SaveApplicationBody } from '@ms/contracts/admissions';
import { get } from '../../api/client.ts';
import { useLocalised } from '../../api/names.ts';
import { regionsQuery } from '../../api/reference.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fetchMyApplication, grantConsent, saveMyApplication, submitMyApplication, type OwnApplication } from './admissions.api.ts';
import { reasonText, STATUS_COLOURS } from './admissions-text.ts';
import { DocumentsSection } from './DocumentsSection.tsx';
import { MyInterviewCard } from './MyInterviewCard.tsx';
import { MyTestEntry } from './TakeTestPage.tsx';

const route = getRouteApi('/public/my-applications/$applicationId');

/** The applicant's application: the draft form, consent, documents, the one submit, then the status. */
export function MyApplicationPage() {
  const { applicationId } = route.useParams();
  const query = useQuery({ queryKey: ['my-application', applicationId], queryFn: () => fetchMyApplication(applicationId) });
  return <QueryState query={query}>{(application) => <ApplicationView application={application} />}</QueryState>;
}

function ApplicationView({ application }: { application: OwnApplication }) {
  const { t } = useTranslation();
  const { name, dateTime } = useLocalised();
  const isDraft = application.status === 'draft';
  return (
    <Stack>
      <PageTitle>{name({ nameRu: application.campaignTitleRu, nameEn: application.campaignTitleEn })}</PageTitle>
      <Group gap="xs">
        <Text fw={500}>{t('admissions.my.statusTitle')}:</Text>
        <Badge color={STATUS_COLOURS[application.status]} variant="light" size="lg">
          {t(`admissions.status.${application.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {application.submittedAt ? t('admissions.my.submittedAt', { date: dateTime(application.submittedAt) }) : t('admissions.my.closesAt', { date: dateTime(application.closesAt) })}
      </Text>
      {application.isEligible !== null && (
        <Alert color={application.isEligible ? 'green' : 'yellow'} title={t('admissions.my.eligibility')} role="note">
          <List size="sm">
            {application.eligibilityReasons.map((r) => (
              <List.Item key={r.key}>{reasonText(t, r)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {!isDraft && (application.status === 'submitted' || application.status === 'nominated') && application.isEligible && <MyTestEntry applicationId={application.id} />}
      {!isDraft && <MyInterviewCard applicationId={application.id} />}
      {isDraft ? <DraftForm application={application} /> : <Summary application={application} />}
    </Stack>
  );
}

function Summary({ application: a }: { application: OwnApplication }) {
  const { t } = useTranslation();
  const { name, date } = useLocalised();
  const regions = useQuery(regionsQuery);
  const region = regions.data?.find((r) => r.code === a.regionCode);
  const rows: Array<[string, string | number | null]> = [
    [t('admissions.my.birthDate'), a.birthDate ? date(a.birthDate) : null],
    [t('admissions.my.region'), region ? name(region) : a.regionCode],
    [t('admissions.field.education'), a.education ? t(`admissions.education.${a.education}`) : null],
    [t('admissions.my.managementYears'), a.managementYears],
    [t('admissions.field.service'), a.serviceKind ? t(`admissions.serviceKind.${a.serviceKind}`) : null],
    [t('admissions.my.position'), a.position],
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap={4}>
        {rows.map(([label, value]) => (
          <Text key={label} size="sm">
            <b>{label}:</b> {value ?? '—'}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

function DraftForm({ application }: { application: OwnApplication }) {
  const { t } = useTranslation();
  const { name } = useLocalised();
  const queryClient = useQueryClient();
  const [v, setV] = useState<SaveApplicationBody>({
    birthDate: application.birthDate,
    regionCode: application.regionCode,
    municipalityId: application.municipalityId,
    education: application.education,
    managementYears: application.managementYears,
    serviceKind: application.serviceKind,
    serviceYears: application.serviceYears,
    position: application.position,
    motivation: application.motivation,
  });
  const [hasAgreed, setAgreed] = useState(application.hasConsent);
  const regions = useQuery(regionsQuery);
  const municipalities = useQuery({
    queryKey: ['municipalities', v.regionCode],
    queryFn: () => get<{ items: Array<{ id: string; name: string }> }>('/api/municipalities', { region: v.regionCode ?? '', pageSize: 500 }),
    enabled: Boolean(v.regionCode) && application.form.fields.includes('municipality'),
  });
  const update = (next: OwnApplication) => queryClient.setQueryData(['my-application', application.id], next);
  const save = useMutation({ mutationFn: () => saveMyApplication(application.id, v), onSuccess: update });
  const submit = useMutation({
    mutationFn: async () => {
      await saveMyApplication(application.id, v);
      if (hasAgreed && !application.hasConsent && application.consentVersion) await grantConsent(application.consentVersion);
      return submitMyApplication(application.id);
    },
    onSuccess: update,
  });
  const asks = (field: string) => application.form.fields.includes(field as never);
  const set = <K extends keyof SaveApplicationBody>(key: K, value: SaveApplicationBody[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const numberOrNull = (n: string | number) => (n === '' ? null : Number(n));

  return (
    <Stack>
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            <Title order={2} size="h4">
              {t('admissions.my.profile')}
            </Title>
            <Text size="sm">{application.fullName}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="date" label={t('admissions.my.birthDate')} value={v.birthDate ?? ''} onChange={(e) => set('birthDate', e.currentTarget.value || null)} required />
              <Select
                label={t('admissions.my.region')}
                data={(regions.data ?? []).map((r) => ({ value: r.code, label: name(r) }))}
                value={v.regionCode ?? null}
                onChange={(code) => setV((prev) => ({ ...prev, regionCode: code, municipalityId: null }))}
                searchable
                required
              />
              {asks('municipality') && (
                <Select
                  label={t('admissions.my.municipality')}
                  data={(municipalities.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
                  value={v.municipalityId ?? null}
                  onChange={(id) => set('municipalityId', id)}
                  searchable
                  clearable
                  disabled={!v.regionCode}
                />
              )}
              {asks('position') && <TextInput label={t('admissions.my.position')} value={v.position ?? ''} onChange={(e) => set('position', e.currentTarget.value || null)} />}
              {asks('education') && (
                <Select
                  label={t('admissions.field.education')}
                  data={EDUCATION_LEVELS.map((e) => ({ value: e, label: t(`admissions.education.${e}`) }))}
                  value={v.education ?? null}
                  onChange={(e) => set('education', e as SaveApplicationBody['education'])}
                />
              )}
              {asks('managementYears') && <NumberInput label={t('admissions.my.managementYears')} value={v.managementYears ?? ''} onChange={(n) => set('managementYears', numberOrNull(n))} min={0} max={60} />}
              {asks('service') && (
                <>
                  <Select
                    label={t('admissions.field.service')}
                    data={(['state', 'municipal', 'none'] as const).map((k) => ({ value: k, label: t(`admissions.serviceKind.${k}`) }))}
                    value={v.serviceKind ?? null}
                    onChange={(k) => set('serviceKind', k as SaveApplicationBody['serviceKind'])}
                  />
                  <NumberInput label={t('admissions.my.serviceYears')} value={v.serviceYears ?? ''} onChange={(n) => set('serviceYears', numberOrNull(n))} min={0} max={60} />
                </>
              )}
            </SimpleGrid>
            {asks('motivation') && (
              <Textarea label={t('admissions.my.motivation')} value={v.motivation ?? ''} onChange={(e) => set('motivation', e.currentTarget.value || null)} autosize minRows={4} maxLength={application.form.motivationMaxLength} />
            )}
            <ProblemAlert error={save.error} />
            {save.isSuccess && (
              <Text size="sm" c="green.9" role="status">
                {t('admissions.my.draftSaved')}
              </Text>
            )}
            <Group>
              <Button type="submit" variant="light" loading={save.isPending}>
                {t('admissions.my.saveDraft')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {asks('documents') && <DocumentsSection application={application} onChange={update} />}
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h4">
            {t('admissions.my.consentTitle')}
          </Title>
          <Text size="sm">{t('admissions.my.consentHint')}</Text>
          {application.consentVersion ? (
            application.hasConsent ? (
              <Text size="sm">{t('admissions.my.consentGiven', { version: application.consentVersion })}</Text>
            ) : (
              <Checkbox label={t('admissions.my.consentAgree', { version: application.consentVersion })} checked={hasAgreed} onChange={(e) => setAgreed(e.currentTarget.checked)} />
            )
          ) : (
            <Text size="sm">{t('admissions.my.consentMissing')}</Text>
          )}
          <Text size="sm" c="dimmed">
            {t('admissions.my.submitHint')}
          </Text>
          <ProblemAlert error={submit.error} />
          <Group>
            <Button onClick={() => submit.mutate()} loading={submit.isPending} disabled={!hasAgreed}>
              {t('admissions.my.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

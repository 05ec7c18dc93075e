import { useState } from 'react';
import { Alert, Button, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EligibilityRules } from '@ms/contracts/admissions';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fetchPublicCampaign, startApplication } from './admissions.api.ts';

const route = getRouteApi('/public/apply/$slug');

/** A campaign's public page: what it is, who may apply, and the first step (name and e-mail). */
export function PublicCampaignPage() {
  const { t } = useTranslation();
  const { name, dateTime } = useLocalised();
  const { slug } = route.useParams();
  const campaign = useQuery({ queryKey: ['public-campaign', slug], queryFn: () => fetchPublicCampaign(slug) });
  return (
    <QueryState query={campaign}>
      {(c) => (
        <Stack>
          <PageTitle>{name({ nameRu: c.titleRu, nameEn: c.titleEn })}</PageTitle>
          <Text size="sm" c="dimmed">
            {name({ nameRu: c.programmeNameRu, nameEn: c.programmeNameEn })}
          </Text>
          <Text style={{ whiteSpace: 'pre-line' }}>{name({ nameRu: c.descriptionRu, nameEn: c.descriptionEn })}</Text>
          <Requirements rules={c.rules} />
          {c.isOpen ? (
            <>
              <Text fw={500}>{t('admissions.public.open', { date: dateTime(c.closesAt) })}</Text>
              <StartForm slug={slug} />
            </>
          ) : (
            <Alert color="gray" role="note">
              {t('admissions.public.notOpen')}
            </Alert>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

function Requirements({ rules }: { rules: EligibilityRules }) {
  const { t } = useTranslation();
  const { date } = useLocalised();
  const items: string[] = [];
  const on = rules.ageReferenceDate ? date(rules.ageReferenceDate) : '';
  if (rules.minAge !== null && rules.maxAge !== null) items.push(t('admissions.public.ageRange', { min: rules.minAge, max: rules.maxAge, date: on }));
  else if (rules.minAge !== null) items.push(t('admissions.public.minAgeOnly', { min: rules.minAge }));
  else if (rules.maxAge !== null) items.push(t('admissions.public.maxAgeOnly', { max: rules.maxAge }));
  if (rules.minEducation) items.push(`${t('admissions.minEducation')}: ${t(`admissions.education.${rules.minEducation}`)}`);
  if (rules.minManagementYears) items.push(`${t('admissions.minManagementYears')}: ${rules.minManagementYears}`);
  if (rules.requiresService) items.push(t('admissions.requiresService'));
  if (rules.minServiceYears) items.push(`${t('admissions.minServiceYears')}: ${rules.minServiceYears}`);
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={2} size="h4">
        {t('admissions.public.requirements')}
      </Title>
      <List size="sm">
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function StartForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ email: '', lastName: '', firstName: '', middleName: '' });
  const start = useMutation({ mutationFn: () => startApplication(slug, { ...form, middleName: form.middleName || undefined }) });
  if (start.isSuccess) {
    return (
      <Alert color="green" role="status">
        {t('admissions.public.sent', { email: form.email })}
      </Alert>
    );
  }
  const field = (key: keyof typeof form, label: string, required = true, type = 'text') => (
    <TextInput label={label} type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })} required={required} autoComplete={key === 'email' ? 'email' : undefined} />
  );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate();
      }}
    >
      <Stack>
        <Title order={2} size="h4">
          {t('admissions.public.startTitle')}
        </Title>
        <Text size="sm">{t('admissions.public.startHint')}</Text>
        {field('lastName', t('admissions.public.lastName'))}
        {field('firstName', t('admissions.public.firstName'))}
        {field('middleName', t('admissions.public.middleName'), false)}
        {field('email', t('admissions.public.email'), true, 'email')}
        <ProblemAlert error={start.error} />
        <Button type="submit" loading={start.isPending}>
          {t('admissions.public.start')}
        </Button>
      </Stack>
    </form>
  );
}

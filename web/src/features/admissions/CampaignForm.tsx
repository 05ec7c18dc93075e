import { useState } from 'react';
import { Button, Checkbox, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LEVELS, FORM_FIELDS, type Campaign, type CampaignForm as FormConfig, type EligibilityRules } from '@ms/contracts/admissions';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { fromLocalInput, toLocalInput } from './admissions-text.ts';

/** What the form edits: the campaign's own fields (the intake is chosen separately on creation). */
export interface CampaignValues {
  slug: string;
  titleRu: string;
  titleEn: string;
  descriptionRu: string;
  descriptionEn: string;
  opensAt: string;
  closesAt: string;
  isPublished: boolean;
  form: FormConfig;
  rules: EligibilityRules;
  hasNominationGate: boolean;
  defaultNominationQuota: number;
}

export const EMPTY_CAMPAIGN: CampaignValues = {
  slug: '',
  titleRu: '',
  titleEn: '',
  descriptionRu: '',
  descriptionEn: '',
  opensAt: new Date().toISOString(),
  closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  isPublished: false,
  form: { fields: [...FORM_FIELDS], required: [], motivationMaxLength: 4000 },
  rules: { minAge: 26, maxAge: 60, ageReferenceDate: null, minEducation: 'bachelor', minManagementYears: 2, requiresService: true, minServiceYears: null },
  hasNominationGate: false,
  defaultNominationQuota: 0,
};

export function valuesOf(campaign: Campaign): CampaignValues {
  const { slug, titleRu, titleEn, descriptionRu, descriptionEn, opensAt, closesAt, isPublished, form, rules, hasNominationGate, defaultNominationQuota } = campaign;
  return { slug, titleRu, titleEn, descriptionRu, descriptionEn, opensAt, closesAt, isPublished, form, rules, hasNominationGate, defaultNominationQuota };
}

const numberOrNull = (value: string | number) => (value === '' ? null : Number(value));

/** Campaign setup: texts, dates, publication, the form's fields, eligibility rules and the nomination gate. */
export function CampaignForm({ initial, submitLabel, isPending, error, onSubmit }: {
  initial: CampaignValues;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (values: CampaignValues) => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<CampaignValues>(initial);
  const set = <K extends keyof CampaignValues>(key: K, value: CampaignValues[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const setRule = <K extends keyof EligibilityRules>(key: K, value: EligibilityRules[K]) => setV((prev) => ({ ...prev, rules: { ...prev.rules, [key]: value } }));
  const fieldOptions = FORM_FIELDS.map((f) => ({ value: f, label: t(`admissions.field.${f}`) }));
  const educationOptions = EDUCATION_LEVELS.map((e) => ({ value: e, label: t(`admissions.education.${e}`) }));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(v);
      }}
    >
      <Stack>
        <TextInput label={t('admissions.slug')} value={v.slug} onChange={(e) => set('slug', e.currentTarget.value)} required />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('admissions.titleRu')} value={v.titleRu} onChange={(e) => set('titleRu', e.currentTarget.value)} required />
          <TextInput label={t('admissions.titleEn')} value={v.titleEn} onChange={(e) => set('titleEn', e.currentTarget.value)} required />
          <Textarea label={t('admissions.descriptionRu')} value={v.descriptionRu} onChange={(e) => set('descriptionRu', e.currentTarget.value)} autosize minRows={2} />
          <Textarea label={t('admissions.descriptionEn')} value={v.descriptionEn} onChange={(e) => set('descriptionEn', e.currentTarget.value)} autosize minRows={2} />
          <TextInput type="datetime-local" label={t('admissions.opensAt')} value={toLocalInput(v.opensAt)} onChange={(e) => e.currentTarget.value && set('opensAt', fromLocalInput(e.currentTarget.value))} required />
          <TextInput type="datetime-local" label={t('admissions.closesAt')} value={toLocalInput(v.closesAt)} onChange={(e) => e.currentTarget.value && set('closesAt', fromLocalInput(e.currentTarget.value))} required />
        </SimpleGrid>
        <Switch label={t('admissions.isPublished')} checked={v.isPublished} onChange={(e) => set('isPublished', e.currentTarget.checked)} />
        <Fieldset legend={t('admissions.formFields')}>
          <Stack>
            <MultiSelect label={t('admissions.formFields')} data={fieldOptions} value={v.form.fields} onChange={(fields) => set('form', { ...v.form, fields: fields as FormConfig['fields'] })} />
            <MultiSelect label={t('admissions.requiredFields')} data={fieldOptions} value={v.form.required} onChange={(required) => set('form', { ...v.form, required: required as FormConfig['required'] })} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('admissions.rules')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('admissions.minAge')} value={v.rules.minAge ?? ''} onChange={(n) => setRule('minAge', numberOrNull(n))} min={14} max={100} />
            <NumberInput label={t('admissions.maxAge')} value={v.rules.maxAge ?? ''} onChange={(n) => setRule('maxAge', numberOrNull(n))} min={14} max={100} />
            <TextInput type="date" label={t('admissions.ageReferenceDate')} value={v.rules.ageReferenceDate ?? ''} onChange={(e) => setRule('ageReferenceDate', e.currentTarget.value || null)} />
            <Select label={t('admissions.minEducation')} data={educationOptions} value={v.rules.minEducation} onChange={(e) => setRule('minEducation', e as EligibilityRules['minEducation'])} clearable placeholder={t('admissions.any')} />
            <NumberInput label={t('admissions.minManagementYears')} value={v.rules.minManagementYears ?? ''} onChange={(n) => setRule('minManagementYears', numberOrNull(n))} min={0} max={60} />
            <NumberInput label={t('admissions.minServiceYears')} value={v.rules.minServiceYears ?? ''} onChange={(n) => setRule('minServiceYears', numberOrNull(n))} min={0} max={60} />
          </SimpleGrid>
          <Checkbox mt="sm" label={t('admissions.requiresService')} checked={v.rules.requiresService} onChange={(e) => setRule('requiresService', e.currentTarget.checked)} />
        </Fieldset>
        <Group align="flex-end">
          <Switch label={t('admissions.hasNominationGate')} checked={v.hasNominationGate} onChange={(e) => set('hasNominationGate', e.currentTarget.checked)} />
          <NumberInput label={t('admissions.defaultNominationQuota')} value={v.defaultNominationQuota} onChange={(n) => set('defaultNominationQuota', Number(n) || 0)} min={0} max={100000} />
        </Group>
        <ProblemAlert error={error} />
        <Group>
          <Button type="submit" loading={isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

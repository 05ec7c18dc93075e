import { useState, type FormEvent } from 'react';
import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { FormActions, fieldErrorOf } from './FormActions.tsx';
import { createProgramme, organisationsQuery, refreshCatalogue, updateProgramme } from './manage.api.ts';
import type { Programme } from './programmes.api.ts';

/** Create a programme in an organisation the user manages, or change one (names, descriptions, threshold). */
export function ProgrammeForm({ programme, onDone }: { programme?: Programme; onDone: () => void }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const organisations = useQuery({ ...organisationsQuery, enabled: !programme });
  const manageable = organisations.data?.items.filter((o) => o.canManage) ?? [];
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [slug, setSlug] = useState('');
  const [nameRu, setNameRu] = useState(programme?.nameRu ?? '');
  const [nameEn, setNameEn] = useState(programme?.nameEn ?? '');
  const [descriptionRu, setDescriptionRu] = useState(programme?.descriptionRu ?? '');
  const [descriptionEn, setDescriptionEn] = useState(programme?.descriptionEn ?? '');
  const [threshold, setThreshold] = useState<number | string>(programme?.completionThresholdPct ?? 80);
  const save = useMutation({
    mutationFn: () => {
      const fields = { nameRu, nameEn, descriptionRu, descriptionEn, completionThresholdPct: Number(threshold) };
      return programme
        ? updateProgramme(programme.id, fields)
        : createProgramme({ ...fields, organisationId: organisationId ?? manageable[0]?.id ?? '', slug });
    },
    onSuccess: () => {
      refreshCatalogue(queryClient);
      onDone();
    },
  });
  const fieldError = fieldErrorOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const labels = {
    organisationId: t('manage.organisation'),
    slug: t('manage.slug'),
    nameRu: t('manage.nameRu'),
    nameEn: t('manage.nameEn'),
    descriptionRu: t('manage.descriptionRu'),
    descriptionEn: t('manage.descriptionEn'),
    completionThresholdPct: t('manage.threshold'),
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={save.error ?? organisations.error} labels={labels} />
        {!programme && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={labels.organisationId}
              required
              allowDeselect={false}
              data={manageable.map((o) => ({ value: o.id, label: l.name(o) }))}
              value={organisationId ?? manageable[0]?.id ?? null}
              onChange={setOrganisationId}
              error={fieldError('organisationId')}
            />
            <TextInput label={labels.slug} description={t('manage.slugHint')} required value={slug} onChange={(e) => setSlug(e.currentTarget.value)} error={fieldError('slug')} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={labels.nameRu} required lang="ru" value={nameRu} onChange={(e) => setNameRu(e.currentTarget.value)} error={fieldError('nameRu')} />
          <TextInput label={labels.nameEn} required lang="en" value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} error={fieldError('nameEn')} />
          <Textarea label={labels.descriptionRu} lang="ru" autosize minRows={3} value={descriptionRu} onChange={(e) => setDescriptionRu(e.currentTarget.value)} error={fieldError('descriptionRu')} />
          <Textarea label={labels.descriptionEn} lang="en" autosize minRows={3} value={descriptionEn} onChange={(e) => setDescriptionEn(e.currentTarget.value)} error={fieldError('descriptionEn')} />
        </SimpleGrid>
        <NumberInput
          label={labels.completionThresholdPct}
          description={t('manage.thresholdHint')}
          required
          min={0}
          max={100}
          allowDecimal={false}
          suffix="%"
          w={{ base: '100%', xs: 240 }}
          value={threshold}
          onChange={setThreshold}
          error={fieldError('completionThresholdPct')}
        />
        <FormActions isPending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

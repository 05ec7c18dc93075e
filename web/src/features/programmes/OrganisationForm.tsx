import { useState, type FormEvent } from 'react';
import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { FormActions, fieldErrorOf } from './FormActions.tsx';
import { createOrganisation, refreshCatalogue, updateOrganisation, type Organisation } from './manage.api.ts';

/** Create an organisation (admin) or change one (its staff); the slug is fixed once created. */
export function OrganisationForm({ organisation, onDone }: { organisation?: Organisation; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [slug, setSlug] = useState('');
  const [nameRu, setNameRu] = useState(organisation?.nameRu ?? '');
  const [nameEn, setNameEn] = useState(organisation?.nameEn ?? '');
  const [kind, setKind] = useState<'operator' | 'partner'>(organisation?.kind === 'partner' ? 'partner' : 'operator');
  const save = useMutation({
    mutationFn: () => (organisation ? updateOrganisation(organisation.id, { nameRu, nameEn, kind }) : createOrganisation({ slug, nameRu, nameEn, kind })),
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
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={save.error} labels={{ slug: t('manage.slug'), nameRu: t('manage.nameRu'), nameEn: t('manage.nameEn'), kind: t('manage.kind') }} />
        {!organisation && (
          <TextInput label={t('manage.slug')} description={t('manage.slugHint')} required value={slug} onChange={(e) => setSlug(e.currentTarget.value)} error={fieldError('slug')} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('manage.nameRu')} required lang="ru" value={nameRu} onChange={(e) => setNameRu(e.currentTarget.value)} error={fieldError('nameRu')} />
          <TextInput label={t('manage.nameEn')} required lang="en" value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} error={fieldError('nameEn')} />
        </SimpleGrid>
        <Select
          label={t('manage.kind')}
          allowDeselect={false}
          data={[
            { value: 'operator', label: t('manage.kinds.operator') },
            { value: 'partner', label: t('manage.kinds.partner') },
          ]}
          value={kind}
          onChange={(v) => setKind(v === 'partner' ? 'partner' : 'operator')}
          error={fieldError('kind')}
        />
        <FormActions isPending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

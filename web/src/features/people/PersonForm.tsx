import { useState, type FormEvent } from 'react';
import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { regionsQuery } from '../../api/reference.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { FormActions, fieldErrorOf } from '../programmes/FormActions.tsx';
import { municipalitiesQuery, updatePerson, type Person } from './people.api.ts';

// Empty inputs are sent as null so that clearing a field clears it on the server too.
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Staff change a person's record: names, position, contacts, birth date, region and municipality. */
export function PersonForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const [lastName, setLastName] = useState(person.lastName);
  const [firstName, setFirstName] = useState(person.firstName);
  const [middleName, setMiddleName] = useState(person.middleName ?? '');
  const [position, setPosition] = useState(person.position ?? '');
  const [phone, setPhone] = useState(person.phone ?? '');
  const [email, setEmail] = useState(person.email ?? '');
  const [birthDate, setBirthDate] = useState(person.birthDate?.slice(0, 10) ?? '');
  const [regionCode, setRegionCode] = useState<string | null>(person.regionCode);
  const [municipalityId, setMunicipalityId] = useState<string | null>(person.municipalityId);
  const regions = useQuery(regionsQuery);
  const municipalities = useQuery(municipalitiesQuery(regionCode));
  const save = useMutation({
    mutationFn: () =>
      updatePerson(person.id, {
        lastName: lastName.trim(),
        firstName: firstName.trim(),
        middleName: orNull(middleName),
        position: orNull(position),
        phone: orNull(phone),
        email: orNull(email),
        birthDate: orNull(birthDate),
        regionCode,
        municipalityId,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['person', person.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['roster'] });
      onDone();
    },
  });
  const fieldError = fieldErrorOf(save.error);
  const labels = {
    lastName: t('person.lastName'),
    firstName: t('person.firstName'),
    middleName: t('person.middleName'),
    position: t('person.position'),
    phone: t('person.phone'),
    email: t('fields.email'),
    birthDate: t('person.birthDate'),
    regionCode: t('person.region'),
    municipalityId: t('person.municipality'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const text = (field: 'lastName' | 'firstName' | 'middleName' | 'position' | 'phone' | 'email', value: string, set: (v: string) => void, extra: object = {}) => (
    <TextInput label={labels[field]} value={value} onChange={(e) => set(e.currentTarget.value)} error={fieldError(field)} {...extra} />
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={save.error} labels={labels} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('lastName', lastName, setLastName, { required: true, autoComplete: 'off' })}
          {text('firstName', firstName, setFirstName, { required: true, autoComplete: 'off' })}
          {text('middleName', middleName, setMiddleName, { autoComplete: 'off' })}
          <TextInput label={labels.birthDate} type="date" value={birthDate} onChange={(e) => setBirthDate(e.currentTarget.value)} error={fieldError('birthDate')} />
          {text('email', email, setEmail, { type: 'email', autoComplete: 'off' })}
          {text('phone', phone, setPhone, { type: 'tel', autoComplete: 'off' })}
        </SimpleGrid>
        {text('position', position, setPosition)}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={labels.regionCode}
            searchable
            clearable
            data={(regions.data ?? []).map((r) => ({ value: r.code, label: l.name(r) }))}
            value={regionCode}
            onChange={(value) => {
              setRegionCode(value);
              setMunicipalityId(null);
            }}
            error={fieldError('regionCode')}
          />
          <Select
            label={labels.municipalityId}
            searchable
            clearable
            disabled={!regionCode}
            placeholder={regionCode ? undefined : t('person.pickRegionFirst')}
            nothingFoundMessage={t('common.nothingFound')}
            data={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={municipalityId}
            onChange={setMunicipalityId}
            error={fieldError('municipalityId')}
          />
        </SimpleGrid>
        <FormActions isPending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { FormActions, fieldErrorOf } from './FormActions.tsx';
import { createIntake, createStream, refreshCatalogue, updateIntake, updateStream } from './manage.api.ts';
import type { Intake, Stream } from './programmes.api.ts';

interface DatedFormProps {
  /** The stream number field is shown only for streams. */
  hasNumber: boolean;
  initial?: { nameRu: string; nameEn: string; startsOn: string; endsOn: string; number?: number };
  save: (fields: { nameRu: string; nameEn: string; startsOn: string; endsOn: string; number: number }) => Promise<unknown>;
  onDone: () => void;
}

/** Names in both languages and a date range: the shape shared by intakes and streams. */
function DatedForm({ hasNumber, initial, save, onDone }: DatedFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState<number | string>(initial?.number ?? 1);
  const [nameRu, setNameRu] = useState(initial?.nameRu ?? '');
  const [nameEn, setNameEn] = useState(initial?.nameEn ?? '');
  const [startsOn, setStartsOn] = useState(initial?.startsOn.slice(0, 10) ?? '');
  const [endsOn, setEndsOn] = useState(initial?.endsOn.slice(0, 10) ?? '');
  const mutation = useMutation({
    mutationFn: () => save({ nameRu, nameEn, startsOn, endsOn, number: Number(number) }),
    onSuccess: () => {
      refreshCatalogue(queryClient);
      onDone();
    },
  });
  const fieldError = fieldErrorOf(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const labels = { number: t('manage.number'), nameRu: t('manage.nameRu'), nameEn: t('manage.nameEn'), startsOn: t('manage.startsOn'), endsOn: t('manage.endsOn') };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={mutation.error} labels={labels} />
        {hasNumber && (
          <NumberInput label={labels.number} required min={1} max={9999} allowDecimal={false} w={{ base: '100%', xs: 160 }} value={number} onChange={setNumber} error={fieldError('number')} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={labels.nameRu} required lang="ru" value={nameRu} onChange={(e) => setNameRu(e.currentTarget.value)} error={fieldError('nameRu')} />
          <TextInput label={labels.nameEn} required lang="en" value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} error={fieldError('nameEn')} />
          <TextInput label={labels.startsOn} type="date" required value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={fieldError('startsOn')} />
          <TextInput label={labels.endsOn} type="date" required value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={fieldError('endsOn')} />
        </SimpleGrid>
        <FormActions isPending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Create an intake of a programme, or change one. */
export function IntakeForm({ programmeId, intake, onDone }: { programmeId: string; intake?: Intake; onDone: () => void }) {
  return (
    <DatedForm
      hasNumber={false}
      initial={intake}
      save={({ number: _number, ...fields }) => (intake ? updateIntake(intake.id, fields) : createIntake({ ...fields, programmeId }))}
      onDone={onDone}
    />
  );
}

/** Create a stream in an intake (numbered), or change one. */
export function StreamForm({ intakeId, stream, nextNumber, onDone }: { intakeId: string; stream?: Stream; nextNumber?: number; onDone: () => void }) {
  return (
    <DatedForm
      hasNumber
      initial={stream ?? { nameRu: '', nameEn: '', startsOn: '', endsOn: '', number: nextNumber ?? 1 }}
      save={(fields) => (stream ? updateStream(stream.id, fields) : createStream({ ...fields, intakeId }))}
      onDone={onDone}
    />
  );
}

import { useState, type FormEvent } from 'react';
import { MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CURRICULUM_TOPICS, type CurriculumTopic, type Module } from '@ms/contracts/schedule';
import { useLocalised } from '../../api/names.ts';
import { useRegions } from '../../api/regions.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { FormActions, fieldErrorOf } from '../programmes/FormActions.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { createModule, deleteModule, refreshSchedule, updateModule, venuesQuery } from './schedule-manage.api.ts';

export const TOPICS = Object.keys(CURRICULUM_TOPICS) as CurriculumTopic[];

interface ModuleFormProps {
  streamId: string;
  programmeId: string;
  module?: Module;
  nextNumber?: number;
  onDone: () => void;
}

/** Create a module of a stream, or change one: number, theme, dates, venue, host region and topics. */
export function ModuleForm({ streamId, programmeId, module, nextNumber, onDone }: ModuleFormProps) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const venues = useQuery(venuesQuery(programmeId));
  const regions = useRegions();
  const [number, setNumber] = useState<number | string>(module?.number ?? nextNumber ?? 1);
  const [themeRu, setThemeRu] = useState(module?.themeRu ?? '');
  const [themeEn, setThemeEn] = useState(module?.themeEn ?? '');
  const [startsOn, setStartsOn] = useState(module?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(module?.endsOn ?? '');
  const [venueId, setVenueId] = useState<string | null>(module?.venue.id ?? null);
  const [hostRegionCode, setHostRegionCode] = useState<string | null>(module?.hostRegionCode ?? null);
  const [topics, setTopics] = useState<string[]>(module?.topics ?? []);
  const save = useMutation({
    mutationFn: () => {
      const fields = { number: Number(number), themeRu, themeEn, startsOn, endsOn, venueId: venueId ?? '', hostRegionCode, topics: topics as CurriculumTopic[] };
      return module ? updateModule(module.id, fields) : createModule({ ...fields, streamId, coHostRegionCodes: [], hostCoordinatorUserId: null });
    },
    onSuccess: () => {
      refreshSchedule(queryClient);
      onDone();
    },
  });
  const fieldError = fieldErrorOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const labels = {
    number: t('scheduleForm.moduleNumber'),
    themeRu: t('scheduleForm.themeRu'),
    themeEn: t('scheduleForm.themeEn'),
    startsOn: t('manage.startsOn'),
    endsOn: t('manage.endsOn'),
    venueId: t('schedule.venue'),
    hostRegionCode: t('schedule.hostRegion'),
    topics: t('schedule.topics'),
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={save.error ?? venues.error} labels={labels} />
        <NumberInput label={labels.number} required min={1} max={20} allowDecimal={false} w={{ base: '100%', xs: 160 }} value={number} onChange={setNumber} error={fieldError('number')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={labels.themeRu} required lang="ru" value={themeRu} onChange={(e) => setThemeRu(e.currentTarget.value)} error={fieldError('themeRu')} />
          <TextInput label={labels.themeEn} required lang="en" value={themeEn} onChange={(e) => setThemeEn(e.currentTarget.value)} error={fieldError('themeEn')} />
          <TextInput label={labels.startsOn} type="date" required value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={fieldError('startsOn')} />
          <TextInput label={labels.endsOn} type="date" required value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={fieldError('endsOn')} />
        </SimpleGrid>
        <Select
          label={labels.venueId}
          required
          searchable
          data={(venues.data ?? []).map((v) => ({ value: v.id, label: `${l.name(v)} (${v.timeZone})` }))}
          value={venueId}
          onChange={setVenueId}
          error={fieldError('venueId')}
        />
        <Select
          label={labels.hostRegionCode}
          description={t('scheduleForm.hostRegionHint')}
          searchable
          clearable
          data={regions.options}
          value={hostRegionCode}
          onChange={setHostRegionCode}
          error={fieldError('hostRegionCode')}
        />
        <MultiSelect label={labels.topics} data={TOPICS.map((k) => ({ value: k, label: t(`schedule.topic.${k}`) }))} value={topics} onChange={setTopics} error={fieldError('topics')} />
        {module && (
          <ConfirmDelete
            label={t('scheduleForm.deleteModule')}
            question={t('scheduleForm.deleteModuleConfirm')}
            remove={() => deleteModule(module.id)}
            onDeleted={() => {
              refreshSchedule(queryClient);
              onDone();
            }}
          />
        )}
        <FormActions isPending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SESSION_KINDS, type CurriculumTopic, type Session, type SessionKind } from '@ms/contracts/schedule';
import { isProblem } from '../../api/client.ts';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { FormActions, fieldErrorOf } from '../programmes/FormActions.tsx';
import { localToUtc, utcToLocal } from './local-time.ts';
import { modulesQuery } from './schedule.api.ts';
import { createSession, deleteSession, refreshSchedule, speakersQuery, updateSession } from './schedule-manage.api.ts';
import { TOPICS } from './ModuleForm.tsx';

const KINDS = Object.keys(SESSION_KINDS) as SessionKind[];

interface SessionFormProps {
  streamId: string;
  programmeId: string;
  session?: Session;
  /** The module a new session goes into (preselected; the select still allows another). */
  moduleId?: string;
  onDone: () => void;
}

/**
 * Create or change a session. Times are typed in the venue's zone (where the session happens) and sent
 * as UTC. Clashes the server finds (outside the module, overlapping the stream, a double-booked speaker)
 * come back as 409 field errors and are shown on their fields.
 */
export function SessionForm({ streamId, programmeId, session, moduleId: initialModuleId, onDone }: SessionFormProps) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const modules = useQuery(modulesQuery(streamId));
  const speakers = useQuery(speakersQuery(programmeId));
  const start = session ? utcToLocal(session.startsAt, session.timeZone) : null;
  const [moduleId, setModuleId] = useState<string | null>(session?.moduleId ?? initialModuleId ?? null);
  const module = modules.data?.find((m) => m.id === moduleId);
  const timeZone = module?.venue.timeZone ?? session?.timeZone ?? 'Europe/Moscow';
  const [kind, setKind] = useState<string | null>(session?.kind ?? 'lecture');
  const [titleRu, setTitleRu] = useState(session?.titleRu ?? '');
  const [titleEn, setTitleEn] = useState(session?.titleEn ?? '');
  const [date, setDate] = useState(start?.date ?? module?.startsOn ?? '');
  const [startTime, setStartTime] = useState(start?.time ?? '');
  const [endTime, setEndTime] = useState(session ? utcToLocal(session.endsAt, session.timeZone).time : '');
  const [place, setPlace] = useState(session?.place ?? '');
  const [capacity, setCapacity] = useState<number | string>(session?.capacity ?? '');
  const [topics, setTopics] = useState<string[]>(session?.topics ?? []);
  const [speakerIds, setSpeakerIds] = useState<string[]>(session?.speakers.map((s) => s.id) ?? []);

  const save = useMutation({
    mutationFn: () => {
      const fields = {
        kind: (kind ?? 'lecture') as SessionKind,
        titleRu,
        titleEn,
        // An incomplete time is sent as empty so the server names the field in its answer.
        startsAt: localToUtc(date, startTime, timeZone) ?? '',
        endsAt: localToUtc(date, endTime, timeZone) ?? '',
        place,
        capacity: capacity === '' ? null : Number(capacity),
        topics: topics as CurriculumTopic[],
        speakerIds,
      };
      return session ? updateSession(session.id, fields) : createSession({ ...fields, moduleId: moduleId ?? '' });
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
    moduleId: t('attendance.module'),
    kind: t('scheduleForm.kind'),
    titleRu: t('scheduleForm.titleRu'),
    titleEn: t('scheduleForm.titleEn'),
    startsAt: t('scheduleForm.start'),
    endsAt: t('scheduleForm.end'),
    place: t('schedule.place'),
    capacity: t('scheduleForm.capacity'),
    topics: t('schedule.topics'),
    speakerIds: t('schedule.speakers'),
  };
  // The server's generic 409 title ("already exists") would mislead here: a clash is what it means.
  const alertTitle = isProblem(save.error, 'conflict') ? t('scheduleForm.conflict') : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={save.error ?? modules.error ?? speakers.error} labels={labels} title={alertTitle} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={labels.moduleId}
            required
            disabled={Boolean(session)}
            allowDeselect={false}
            data={(modules.data ?? []).map((m) => ({ value: m.id, label: `${t('schedule.moduleNumber', { number: m.number })} · ${l.name(m.venue)}` }))}
            value={moduleId}
            onChange={setModuleId}
            error={fieldError('moduleId')}
          />
          <Select label={labels.kind} required allowDeselect={false} data={KINDS.map((k) => ({ value: k, label: t(`schedule.kind.${k}`) }))} value={kind} onChange={setKind} error={fieldError('kind')} />
          <TextInput label={labels.titleRu} required lang="ru" value={titleRu} onChange={(e) => setTitleRu(e.currentTarget.value)} error={fieldError('titleRu')} />
          <TextInput label={labels.titleEn} required lang="en" value={titleEn} onChange={(e) => setTitleEn(e.currentTarget.value)} error={fieldError('titleEn')} />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('scheduleForm.zoneHint', { zone: timeZone })}
          {module && ` ${t('scheduleForm.moduleDates', { from: l.date(module.startsOn), to: l.date(module.endsOn) })}`}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TextInput label={t('scheduleForm.date')} type="date" required min={module?.startsOn} max={module?.endsOn} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <TextInput label={labels.startsAt} type="time" required value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} error={fieldError('startsAt')} />
          <TextInput label={labels.endsAt} type="time" required value={endTime} onChange={(e) => setEndTime(e.currentTarget.value)} error={fieldError('endsAt')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={labels.place} value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={fieldError('place')} />
          <NumberInput label={labels.capacity} min={1} max={10_000} allowDecimal={false} value={capacity} onChange={setCapacity} error={fieldError('capacity')} />
        </SimpleGrid>
        <MultiSelect label={labels.topics} data={TOPICS.map((k) => ({ value: k, label: t(`schedule.topic.${k}`) }))} value={topics} onChange={setTopics} error={fieldError('topics')} />
        <MultiSelect
          label={labels.speakerIds}
          searchable
          data={(speakers.data ?? []).map((s) => ({ value: s.id, label: l.name(s) }))}
          value={speakerIds}
          onChange={setSpeakerIds}
          error={fieldError('speakerIds')}
        />
        {session && (
          <ConfirmDelete
            label={t('scheduleForm.delete')}
            question={t('scheduleForm.deleteConfirm')}
            remove={() => deleteSession(session.id)}
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

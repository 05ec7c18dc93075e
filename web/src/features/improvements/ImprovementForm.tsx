import { useState } from 'react';
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AreaCode } from '@ms/contracts/areas';
import { isProblem } from '../../api/client.ts';
import { useLocalised } from '../../api/names.ts';
import { useRegions } from '../../api/regions.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { myTeamsQuery } from '../teams/teams.api.ts';
import { AREAS } from './areas.ts';
import { createImprovement, municipalitiesQuery, strategicSessionsQuery } from './improvements.api.ts';

/** Records an improvement: area, municipality, problem, change, effect, and optionally the session and one's team. */
export function ImprovementForm({ streamId, onDone }: { streamId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const regions = useRegions();
  const sessions = useQuery(strategicSessionsQuery(streamId));
  const myTeams = useQuery(myTeamsQuery);
  const myTeam = myTeams.data?.items.find((x) => x.streamId === streamId) ?? null;
  const [area, setArea] = useState<string | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [municipalityId, setMunicipalityId] = useState<string | null>(null);
  const municipalities = useQuery(municipalitiesQuery(region));
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  const [proposal, setProposal] = useState('');
  const [expectedEffect, setExpectedEffect] = useState('');
  const [isForTeam, setForTeam] = useState(true);
  const save = useMutation({
    mutationFn: () =>
      createImprovement(streamId, { area: (area ?? '') as AreaCode, municipalityId: municipalityId ?? '', problem, proposal, expectedEffect, sessionId, teamId: myTeam && isForTeam ? myTeam.teamId : null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['improvements', streamId] });
      void queryClient.invalidateQueries({ queryKey: ['improvements-coverage', streamId] });
      onDone();
    },
  });
  const fieldError = (field: string) => (isProblem(save.error) ? save.error.fieldError(field) : undefined);
  return (
    <Stack
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Select label={t('improvements.area')} required searchable data={AREAS.map((code) => ({ value: code, label: t(`improvements.areas.${code}`) }))} value={area} onChange={setArea} error={fieldError('area')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={t('improvements.region')} required searchable data={regions.options} value={region} onChange={(v) => (setRegion(v), setMunicipalityId(null))} />
        <Select
          label={t('improvements.municipality')}
          required
          searchable
          disabled={!region}
          data={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={municipalityId}
          onChange={setMunicipalityId}
          error={fieldError('municipalityId')}
        />
      </SimpleGrid>
      <Textarea label={t('improvements.problem')} required autosize minRows={2} maxLength={2000} value={problem} onChange={(e) => setProblem(e.currentTarget.value)} error={fieldError('problem')} />
      <Textarea label={t('improvements.proposal')} required autosize minRows={2} maxLength={2000} value={proposal} onChange={(e) => setProposal(e.currentTarget.value)} error={fieldError('proposal')} />
      <Textarea label={t('improvements.effect')} required autosize minRows={2} maxLength={2000} value={expectedEffect} onChange={(e) => setExpectedEffect(e.currentTarget.value)} error={fieldError('expectedEffect')} />
      <Select
        label={t('improvements.session')}
        clearable
        data={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${l.date(s.localDate)} · ${l.language === 'en' ? s.titleEn : s.titleRu}` }))}
        value={sessionId}
        onChange={setSessionId}
        error={fieldError('sessionId')}
      />
      {myTeam && <Checkbox label={t('improvements.forTeam', { team: myTeam.teamName })} checked={isForTeam} onChange={(e) => setForTeam(e.currentTarget.checked)} />}
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending} disabled={!area || !municipalityId}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

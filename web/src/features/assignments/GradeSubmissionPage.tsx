import { useState } from 'react';
import { Alert, Badge, Button, Fieldset, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { formatDue } from './assignments-format.ts';
import { gradeSubmission, previewScore, submissionQuery, titleOf, type SubmissionDetail } from './assignments.api.ts';
import { VersionList } from './VersionList.tsx';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard.tsx';

const route = getRouteApi('/app/grading/$submissionId');

/** A submission for its grader: the versions, and the rubric form (one level per criterion) with feedback. */
export function GradeSubmissionPage() {
  const { submissionId } = route.useParams();
  const query = useQuery(submissionQuery(submissionId));
  return <QueryState query={query}>{(data) => <GradeView key={data.id} data={data} />}</QueryState>;
}

function GradeView({ data }: { data: SubmissionDetail }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const a = data.assignment;
  const [levels, setLevels] = useState<Record<string, number>>(data.grade?.levels ?? {});
  const [feedback, setFeedback] = useState(data.grade?.feedback ?? '');
  const save = useMutation({
    mutationFn: () => gradeSubmission(data.id, { levels, feedback }),
    onSuccess: (next) => {
      queryClient.setQueryData(['submission', data.id], next);
      void queryClient.invalidateQueries({ queryKey: ['grading-queue'] });
    },
  });
  const score = previewScore(a.rubric, levels);
  // Levels or feedback not yet saved: leaving asks first.
  const savedLevels = data.grade?.levels ?? {};
  const isDirty =
    feedback.trim() !== (data.grade?.feedback ?? '').trim() ||
    a.rubric.some((c) => levels[c.key] !== savedLevels[c.key]);
  const isOutdated = data.grade !== null && data.grade.version < data.latestVersion;
  return (
    <Stack maw={820}>
      <UnsavedChangesGuard isDirty={isDirty} />
      <AnchorLink to="/grading" size="sm">
        ← {t('assignments.gradingTitle')}
      </AnchorLink>
      <PageTitle>{`${data.ownerName} · ${titleOf(a, l.language)}`}</PageTitle>
      <Group gap="xs">
        <Badge variant="light">{t('assignments.moduleNumber', { number: a.moduleNumber })}</Badge>
        {data.isLate && <Badge color="red" variant="light">{t('assignments.late')}</Badge>}
        {data.grade?.releasedAt && <Badge color="green" variant="light">{t('assignments.released')}</Badge>}
      </Group>
      <Text size="sm">{t('assignments.due', { due: formatDue(a.dueAt, a.timeZone, l.language) })}</Text>
      <Stack component="section" aria-labelledby="versions-heading" gap="xs">
        <Title order={2} size="h4" id="versions-heading">
          {t('assignments.versionsTitle')}
        </Title>
        <VersionList versions={data.versions} />
      </Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="rubric-form-heading">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="md">
            <Title order={2} size="h4" id="rubric-form-heading">
              {t('assignments.gradeVersion', { version: data.latestVersion })}
            </Title>
            {isOutdated && <Alert color="yellow" variant="light">{t('assignments.newVersionSinceGrade')}</Alert>}
            {a.rubric.map((c) => (
              <Fieldset key={c.key} legend={`${titleOf(c, l.language)} (${t('assignments.weight', { weight: c.weight })})`} variant="unstyled">
                <Radio.Group value={levels[c.key] === undefined ? null : String(levels[c.key])} onChange={(v) => setLevels((prev) => ({ ...prev, [c.key]: Number(v) }))} aria-label={titleOf(c, l.language)}>
                  <Stack gap={6} mt={4}>
                    {c.levels.map((level, i) => (
                      <Radio key={i} value={String(i)} label={`${titleOf(level, l.language)} — ${t('assignments.points', { count: level.points })}`} />
                    ))}
                  </Stack>
                </Radio.Group>
              </Fieldset>
            ))}
            <Textarea label={t('assignments.feedback')} autosize minRows={3} value={feedback} onChange={(e) => setFeedback(e.currentTarget.value)} />
            <Text fw={600} aria-live="polite">
              {score === null ? t('assignments.scorePending') : t('assignments.scorePreview', { score: l.number(score), mark: a.passMark })}
            </Text>
            <ProblemAlert error={save.error} />
            {save.isSuccess && (
              <Alert color="green" variant="light" role="status">
                {t('assignments.gradeSaved')}
              </Alert>
            )}
            <Button type="submit" loading={save.isPending} disabled={score === null || data.latestVersion === 0} w="fit-content">
              {t('assignments.saveGrade')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

import { useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { formatDue } from './assignments-format.ts';
import { myAssignmentQuery, submitWork, SUBMISSION_ACCEPT, SUBMISSION_MAX_FILES, titleOf, type MyAssignment } from './assignments.api.ts';
import { RubricView } from './RubricView.tsx';
import { VersionList } from './VersionList.tsx';

const route = getRouteApi('/app/me/assignments/$assignmentId');

/** One assignment for its participant: instructions, rubric, submitting a version from a phone, versions, released grade. */
export function MyAssignmentPage() {
  const { assignmentId } = route.useParams();
  const query = useQuery(myAssignmentQuery(assignmentId));
  return <QueryState query={query}>{(data) => <AssignmentView data={data} />}</QueryState>;
}

function AssignmentView({ data }: { data: MyAssignment }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const a = data.assignment;
  const instructions = l.language === 'en' && a.instructionsEn ? a.instructionsEn : a.instructionsRu;
  return (
    <Stack maw={760}>
      <AnchorLink to="/me/assignments" size="sm">
        ← {t('assignments.myTitle')}
      </AnchorLink>
      <PageTitle>{titleOf(a, l.language)}</PageTitle>
      <Group gap="xs">
        <Badge variant="light">{t('assignments.moduleNumber', { number: a.moduleNumber })}</Badge>
        <Badge variant="light" color="dark">{t(`assignments.kind.${a.kind}`)}</Badge>
        {data.teamName && <Badge variant="outline">{data.teamName}</Badge>}
        {data.isLate && <Badge color="red" variant="light">{t('assignments.late')}</Badge>}
      </Group>
      <Text>{t('assignments.due', { due: formatDue(a.dueAt, a.timeZone, l.language) })}</Text>
      <Text size="sm" c="dimmed">
        {t(`assignments.latePolicy.${a.latePolicy}`)} · {t('assignments.passMark', { mark: a.passMark })}
      </Text>
      {instructions && <Text style={{ whiteSpace: 'pre-wrap' }}>{instructions}</Text>}

      {data.grade && (
        <Paper withBorder p="md" component="section" aria-labelledby="grade-heading">
          <Title order={2} size="h4" id="grade-heading" mb="xs">
            {t('assignments.gradeTitle')}
          </Title>
          <Group gap="xs" mb="xs">
            <Badge size="lg" color={data.grade.isPassed ? 'green.9' : 'red.9'}>
              {t(data.grade.isPassed ? 'assignments.passedScore' : 'assignments.failedScore', { score: l.number(data.grade.score) })}
            </Badge>
            <Text size="sm" c="dimmed">{t('assignments.gradedVersion', { version: data.grade.version })}</Text>
          </Group>
          {data.grade.feedback && <Text style={{ whiteSpace: 'pre-wrap' }}>{data.grade.feedback}</Text>}
          <RubricView rubric={a.rubric} chosen={data.grade.levels} />
        </Paper>
      )}

      <Stack component="section" aria-labelledby="submit-heading" gap="xs">
        <Title order={2} size="h4" id="submit-heading">
          {data.versions.length ? t('assignments.resubmitTitle') : t('assignments.submitTitle')}
        </Title>
        {data.isClosed ? (
          <Alert color="yellow" variant="light">{t('assignments.closed')}</Alert>
        ) : a.kind === 'team' && !data.teamName ? (
          <Alert color="yellow" variant="light">{t('assignments.noTeam')}</Alert>
        ) : (
          <SubmitForm assignmentId={a.id} />
        )}
      </Stack>

      <Stack component="section" aria-labelledby="versions-heading" gap="xs">
        <Title order={2} size="h4" id="versions-heading">
          {t('assignments.versionsTitle')}
        </Title>
        <VersionList versions={data.versions} />
      </Stack>

      <Stack component="section" aria-labelledby="rubric-heading" gap="xs">
        <Title order={2} size="h4" id="rubric-heading">
          {t('assignments.rubricTitle')}
        </Title>
        <RubricView rubric={a.rubric} />
      </Stack>
    </Stack>
  );
}

function SubmitForm({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const submit = useMutation({
    mutationFn: () => submitWork(assignmentId, text, files),
    onSuccess: (data) => {
      queryClient.setQueryData(['my-assignments', assignmentId], data);
      void queryClient.invalidateQueries({ queryKey: ['my-assignments'], exact: true });
      setText('');
      setFiles([]);
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      <Stack gap="sm">
        <Textarea label={t('assignments.text')} autosize minRows={4} maxRows={12} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <FileInput
          label={t('assignments.files')}
          description={t('assignments.filesHint', { max: SUBMISSION_MAX_FILES })}
          placeholder={t('assignments.chooseFiles')}
          multiple
          clearable
          accept={SUBMISSION_ACCEPT}
          value={files}
          onChange={(chosen) => setFiles(chosen.slice(0, SUBMISSION_MAX_FILES))}
        />
        <ProblemAlert error={submit.error} labels={{ text: t('assignments.text'), file: t('assignments.files'), dueAt: t('assignments.dueLabel'), team: t('assignments.teamLabel') }} />
        {submit.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('assignments.submitted', { version: submit.data.versions.at(-1)?.version ?? 1 })}
          </Alert>
        )}
        <Button type="submit" loading={submit.isPending} disabled={!text.trim() && files.length === 0} fullWidth>
          {t('assignments.submit')}
        </Button>
      </Stack>
    </form>
  );
}

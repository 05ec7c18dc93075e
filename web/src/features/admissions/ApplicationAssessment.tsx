import { Anchor, Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { reasonText, STATUS_COLOURS } from './admissions-text.ts';
import type { StaffApplicationFile } from './application-file.api.ts';
import { Facts, FileSection } from './ApplicationFacts.tsx';

const score = (n: number | null) => (n === null ? null : n.toFixed(1));

/** Eligibility, nomination, the test, expert and interview scores, the ranking and the decision. */
export function AssessmentSections({ file }: { file: StaffApplicationFile }) {
  return (
    <>
      <EligibilitySection file={file} />
      <NominationSection file={file} />
      <TestSection file={file} />
      <ExpertSection file={file} />
      <InterviewSection file={file} />
      <RankingSection file={file} />
    </>
  );
}

function EligibilitySection({ file }: { file: StaffApplicationFile }) {
  const { t } = useTranslation();
  const { isEligible, reasons } = file.eligibility;
  return (
    <FileSection id="file-eligibility" title={t('applicationFile.section.eligibility')}>
      {isEligible === null ? (
        <Text size="sm" c="dimmed">
          {t('applicationFile.eligibility.notChecked')}
        </Text>
      ) : (
        <>
          <Badge color={isEligible ? 'green' : 'red'} variant="light">
            {t(isEligible ? 'applicationFile.eligibility.eligible' : 'applicationFile.eligibility.notEligible')}
          </Badge>
          <List size="sm">
            {reasons.map((r) => (
              <List.Item key={r.key}>{reasonText(t, r)}</List.Item>
            ))}
          </List>
        </>
      )}
    </FileSection>
  );
}

function NominationSection({ file }: { file: StaffApplicationFile }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalised();
  const n = file.nomination;
  return (
    <FileSection id="file-nomination" title={t('applicationFile.section.nomination')}>
      {n ? (
        <Facts
          items={[
            [t('applicationFile.nomination.at'), dateTime(n.nominatedAt)],
            [t('applicationFile.nomination.by'), n.nominatedByName ?? t('applicationFile.nomination.byUnknown')],
            [t('applicationFile.nomination.comment'), n.comment],
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('applicationFile.nomination.none')}
        </Text>
      )}
    </FileSection>
  );
}

function TestSection({ file }: { file: StaffApplicationFile }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalised();
  const { attempt } = file.test;
  if (file.test.score === null && !attempt) {
    return (
      <FileSection id="file-test" title={t('applicationFile.section.test')}>
        <Text size="sm" c="dimmed">
          {t('applicationFile.test.none')}
        </Text>
      </FileSection>
    );
  }
  return (
    <FileSection id="file-test" title={t('applicationFile.section.test')}>
      <Facts
        items={[
          [t('applicationFile.test.score'), score(file.test.score)],
          ...(attempt
            ? ([
                [t('applicationFile.test.startedAt'), dateTime(attempt.startedAt)],
                [t('applicationFile.test.finishedAt'), attempt.finishedAt ? dateTime(attempt.finishedAt) : t('applicationFile.test.notFinished')],
                [t('applicationFile.test.answered'), attempt.answered],
              ] as Array<[string, string | number]>)
            : []),
        ]}
      />
    </FileSection>
  );
}

function ExpertSection({ file }: { file: StaffApplicationFile }) {
  const { t } = useTranslation();
  const { name, dateTime } = useLocalised();
  const { rubric, reviews } = file.expert;
  return (
    <FileSection id="file-expert" title={t('applicationFile.section.expert')}>
      <Facts items={[[t('applicationFile.expert.score'), score(file.expert.score)]]} />
      {reviews.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('applicationFile.expert.none')}
        </Text>
      )}
      {!file.canSeeAssessors && (
        <Text size="sm" c="dimmed">
          {t('applicationFile.expert.hiddenNames')}
        </Text>
      )}
      {reviews.map((r) => (
        <Paper key={r.round} withBorder p="sm" radius="sm">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Text fw={600} size="sm" component="h3" m={0}>
                {t('applicationFile.expert.round', { round: r.round })}: {r.expertName ?? t('applicationFile.expert.anonymous', { round: r.round })}
              </Text>
              {r.total !== null ? (
                <Badge variant="light">{t('applicationFile.expert.total', { total: score(r.total) })}</Badge>
              ) : (
                <Badge variant="light" color="gray">
                  {t('applicationFile.expert.due', { date: dateTime(r.dueAt) })}
                </Badge>
              )}
            </Group>
            {r.points && (
              <Facts
                items={rubric.map((c): [string, string] => [name({ nameRu: c.titleRu, nameEn: c.titleEn }), `${r.points?.[c.key] ?? '—'} / ${c.maxPoints}`])}
              />
            )}
            {r.comment && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.comment}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </FileSection>
  );
}

function InterviewSection({ file }: { file: StaffApplicationFile }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalised();
  const { slot, scores } = file.interview;
  return (
    <FileSection id="file-interview" title={t('applicationFile.section.interview')}>
      {slot ? (
        <Facts
          items={[
            [t('applicationFile.interview.startsAt'), `${dateTime(slot.startsAt)} (${t('applicationFile.interview.minutes', { count: slot.durationMinutes })})`],
            [t('applicationFile.interview.place'), slot.place],
            [t('applicationFile.interview.online'), slot.onlineUrl && <Anchor href={slot.onlineUrl} size="sm">{slot.onlineUrl}</Anchor>],
            [t('applicationFile.interview.panel'), slot.panel.length > 0 ? slot.panel.join(', ') : t('applicationFile.interview.panelSize', { count: slot.panelSize })],
            [t('applicationFile.interview.score'), score(file.interview.score)],
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('applicationFile.interview.none')}
        </Text>
      )}
      {scores.length > 0 && (
        <Facts
          items={scores.map((s, i): [string, string] => [
            s.expertName ?? t('applicationFile.interview.member', { n: i + 1 }),
            [score(s.score), s.comment].filter(Boolean).join(' — '),
          ])}
        />
      )}
    </FileSection>
  );
}

function RankingSection({ file }: { file: StaffApplicationFile }) {
  const { t } = useTranslation();
  const { dateTime } = useLocalised();
  const r = file.ranking;
  if (r.rankPosition === null && r.decision === null) {
    return (
      <FileSection id="file-ranking" title={t('applicationFile.section.ranking')}>
        <Text size="sm" c="dimmed">
          {t('applicationFile.ranking.none')}
        </Text>
      </FileSection>
    );
  }
  return (
    <FileSection id="file-ranking" title={t('applicationFile.section.ranking')}>
      <Facts
        items={[
          [t('applicationFile.ranking.position'), r.rankPosition],
          [t('applicationFile.ranking.composite'), score(r.compositeScore)],
          [
            t('applicationFile.ranking.decision'),
            r.decision && (
              <Badge color={STATUS_COLOURS[r.decision] ?? 'gray'} variant="light">
                {t(`admissions.status.${r.decision}` as never)}
              </Badge>
            ),
          ],
          [t('applicationFile.ranking.reason'), r.decisionReason && t(`admissions.decisionReason.${r.decisionReason}` as never, { defaultValue: r.decisionReason })],
          [t('applicationFile.ranking.decidedAt'), dateTime(r.decidedAt)],
          [t('applicationFile.ranking.notifiedAt'), dateTime(r.notifiedAt)],
        ]}
      />
    </FileSection>
  );
}

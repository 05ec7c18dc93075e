import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { STATUS_COLOURS } from './admissions-text.ts';
import { fetchApplicationFile, type StaffApplicationFile } from './application-file.api.ts';
import { AssessmentSections } from './ApplicationAssessment.tsx';
import { DocumentsSection } from './ApplicationDocuments.tsx';
import { Facts, FileSection } from './ApplicationFacts.tsx';

const route = getRouteApi('/app/admissions/$campaignId/applications/$applicationId');

/** One application as the campaign's staff (or a coordinator of the applicant's region) read it. */
export function ApplicationPage() {
  const { campaignId, applicationId } = route.useParams();
  const query = useQuery({ queryKey: ['application-file', campaignId, applicationId], queryFn: () => fetchApplicationFile(campaignId, applicationId) });
  return <QueryState query={query}>{(file) => <ApplicationFile file={file} />}</QueryState>;
}

function ApplicationFile({ file }: { file: StaffApplicationFile }) {
  const { t } = useTranslation();
  const { name, dateTime } = useLocalised();
  return (
    <Stack maw={960}>
      <PageTitle>{file.applicant.fullName}</PageTitle>
      <Group gap="xs" mt={-8}>
        <Badge color={STATUS_COLOURS[file.status]} variant="light" size="lg">
          {t(`admissions.status.${file.status}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {name({ nameRu: file.campaignTitleRu, nameEn: file.campaignTitleEn })} ·{' '}
          {file.submittedAt ? t('applicationFile.submittedAt', { date: dateTime(file.submittedAt) }) : t('applicationFile.notSubmitted')}
        </Text>
      </Group>
      {file.canSeeAssessors ? (
        <AnchorLink to="/admissions/$campaignId" params={{ campaignId: file.campaignId }} size="sm">
          {t('applicationFile.backToCampaign')}
        </AnchorLink>
      ) : (
        <AnchorLink to="/admissions/$campaignId/nominations" params={{ campaignId: file.campaignId }} size="sm">
          {t('applicationFile.backToNominations')}
        </AnchorLink>
      )}
      <ApplicantSection file={file} />
      <AnswersSection file={file} />
      <AssessmentSections file={file} />
      <DocumentsSection file={file} />
    </Stack>
  );
}

function ApplicantSection({ file }: { file: StaffApplicationFile }) {
  const { t } = useTranslation();
  const { name, date } = useLocalised();
  const a = file.applicant;
  return (
    <FileSection id="file-applicant" title={t('applicationFile.section.applicant')}>
      <Facts
        items={[
          [t('applicationFile.field.fullName'), a.fullName],
          [t('applicationFile.field.birthDate'), a.birthDate ? date(a.birthDate) : null],
          [t('applicationFile.field.email'), a.email && <Anchor href={`mailto:${a.email}`} size="sm">{a.email}</Anchor>],
          [t('applicationFile.field.phone'), a.phone && <Anchor href={`tel:${a.phone.replace(/[^\d+]/g, '')}`} size="sm">{a.phone}</Anchor>],
          [t('applicationFile.field.region'), a.regionNameRu ? name({ nameRu: a.regionNameRu, nameEn: a.regionNameEn ?? '' }) : a.regionCode],
          [t('applicationFile.field.municipality'), a.municipalityName],
          [t('applicationFile.field.position'), a.position],
        ]}
      />
    </FileSection>
  );
}

function AnswersSection({ file }: { file: StaffApplicationFile }) {
  const { t } = useTranslation();
  const a = file.answers;
  const service = a.serviceKind ? t(`admissions.serviceKind.${a.serviceKind}`) : null;
  return (
    <FileSection id="file-answers" title={t('applicationFile.section.answers')}>
      <Facts
        items={[
          [t('applicationFile.field.education'), a.education ? t(`admissions.education.${a.education}`) : null],
          [t('applicationFile.field.managementYears'), a.managementYears],
          [t('applicationFile.field.service'), service],
          [t('applicationFile.field.serviceYears'), a.serviceYears],
          ...a.custom.map(({ key, value }): [string, string] => [key, value]),
        ]}
      />
      <Text fw={600} size="sm" component="h3" m={0}>
        {t('applicationFile.field.motivation')}
      </Text>
      {a.motivation ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {a.motivation}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('applicationFile.noMotivation')}
        </Text>
      )}
    </FileSection>
  );
}

import { Breadcrumbs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { intakesQuery, programmeQuery, type Stream } from './programmes.api.ts';

/**
 * Программы / programme / intake / stream [/ current page]: the same trail on the stream page and the
 * pages under it. The intake has no page of its own, so it is plain text; names load lazily ("…").
 */
export function StreamBreadcrumbs({ stream, current }: { stream: Stream; current?: string }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const programme = useQuery(programmeQuery(stream.programmeId));
  const intakes = useQuery(intakesQuery(stream.programmeId));
  const intake = intakes.data?.items.find((i) => i.id === stream.intakeId);
  return (
    <Breadcrumbs separatorMargin="xs" style={{ flexWrap: 'wrap' }}>
      <AnchorLink to="/programmes">{t('programmes.title')}</AnchorLink>
      <AnchorLink to="/programmes/$programmeId" params={{ programmeId: stream.programmeId }}>
        {programme.data ? l.name(programme.data) : '…'}
      </AnchorLink>
      <Text>{intake ? l.name(intake) : '…'}</Text>
      {current ? (
        <AnchorLink to="/streams/$streamId" params={{ streamId: stream.id }}>
          {l.name(stream)}
        </AnchorLink>
      ) : (
        <Text>{l.name(stream)}</Text>
      )}
      {current && <Text>{current}</Text>}
    </Breadcrumbs>
  );
}

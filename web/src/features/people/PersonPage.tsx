import { useState } from 'react';
import { Badge, Button, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { useLocalised } from '../../api/names.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ErasureDialog } from './ErasureDialog.tsx';
import { personQuery, type Person } from './people.api.ts';
import { PersonForm } from './PersonForm.tsx';

const route = getRouteApi('/app/people/$personId');
const STATUS_COLOUR = { enrolled: 'blue.9', graduated: 'green.9', withdrawn: 'gray.8' } as const;

/** One person: their record, the enrolments the reader may see, and (staff) edit and erasure. */
export function PersonPage() {
  const { t } = useTranslation();
  const { personId } = route.useParams();
  const person = useQuery(personQuery(personId));
  const { data: me } = useSuspenseQuery(meQuery);
  const [isEditing, setEditing] = useState(false);
  const [isErasing, setErasing] = useState(false);
  const mayErase = me?.roles.some((r) => r === 'admin' || r === 'staff') ?? false;

  return (
    <QueryState query={person}>
      {(p) => (
        <Stack maw={960}>
          <PageTitle
            actions={
              p.canEdit && (
                <>
                  <Button variant="light" onClick={() => setEditing(true)}>
                    {t('person.edit')}
                  </Button>
                  {mayErase && (
                    <Button variant="outline" color="red.9" onClick={() => setErasing(true)}>
                      {t('erasure.action')}
                    </Button>
                  )}
                </>
              )
            }
          >
            {p.fullName}
          </PageTitle>
          <Profile person={p} />
          <Enrolments person={p} />
          <AppModal opened={isEditing} onClose={() => setEditing(false)} title={t('person.editTitle')}>
            {isEditing && <PersonForm person={p} onDone={() => setEditing(false)} />}
          </AppModal>
          <ErasureDialog person={p} opened={isErasing} onClose={() => setErasing(false)} />
        </Stack>
      )}
    </QueryState>
  );
}

function Profile({ person: p }: { person: Person }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const region = l.language === 'en' ? (p.regionNameEn ?? p.regionNameRu) : p.regionNameRu;
  const rows: [string, string | null][] = [
    [t('person.position'), p.position],
    [t('fields.email'), p.email],
    [t('person.phone'), p.phone],
    [t('person.birthDate'), p.birthDate ? l.date(p.birthDate) : null],
    [t('person.gender'), p.gender === 'female' || p.gender === 'male' ? t(`person.genders.${p.gender}`) : null],
    [t('person.region'), region],
    [t('person.municipality'), p.municipalityName],
  ];
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
              {value ?? '—'}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function Enrolments({ person }: { person: Person }) {
  const { t } = useTranslation();
  const l = useLocalised();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('person.enrolments')}
      </Title>
      {person.enrolments.length === 0 ? (
        <Text c="dimmed">{t('person.noEnrolments')}</Text>
      ) : (
        <TableScroll label={t('person.enrolments')}>
          <Table striped>
            <Table.Caption className="visually-hidden">{t('person.enrolments')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.programme')}</Table.Th>
                <Table.Th>{t('imports.stream')}</Table.Th>
                <Table.Th>{t('roster.status')}</Table.Th>
                <Table.Th>{t('roster.enrolledAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {person.enrolments.map((e) => (
                <Table.Tr key={e.streamId}>
                  <Table.Td>
                    <AnchorLink to="/programmes/$programmeId" params={{ programmeId: e.programmeId }}>
                      {l.name({ nameRu: e.programmeNameRu, nameEn: e.programmeNameEn })}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <AnchorLink to="/streams/$streamId" params={{ streamId: e.streamId }}>
                      {l.name({ nameRu: e.streamNameRu, nameEn: e.streamNameEn })}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOUR[e.status]} variant="filled" miw="max-content">
                      {t(`enrolmentStatus.${e.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.date(e.enrolledAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}

import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { fetchMyApplications } from './admissions.api.ts';
import { STATUS_COLOURS } from './admissions-text.ts';

/** Every application of the signed-in person, with its status. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const { name } = useLocalised();
  const query = useQuery({ queryKey: ['my-applications'], queryFn: fetchMyApplications });
  return (
    <Stack>
      <PageTitle>{t('admissions.my.title')}</PageTitle>
      <QueryState query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('admissions.my.none')}</Text>
          ) : (
            <Stack gap="sm">
              {items.map((a) => (
                <Group key={a.id} justify="space-between">
                  <AnchorLink to="/my-applications/$applicationId" params={{ applicationId: a.id }}>
                    {name({ nameRu: a.campaignTitleRu, nameEn: a.campaignTitleEn })}
                  </AnchorLink>
                  <Badge color={STATUS_COLOURS[a.status]} variant="light">
                    {t(`admissions.status.${a.status}`)}
                  </Badge>
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

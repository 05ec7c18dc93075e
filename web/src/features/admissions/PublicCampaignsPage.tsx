import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { fetchPublicCampaigns } from './admissions.api.ts';

/** The public list of intakes open (or about to open) for applications. */
export function PublicCampaignsPage() {
  const { t } = useTranslation();
  const { name, dateTime } = useLocalised();
  const campaigns = useQuery({ queryKey: ['public-campaigns'], queryFn: fetchPublicCampaigns });
  return (
    <Stack>
      <PageTitle>{t('admissions.public.campaignsTitle')}</PageTitle>
      <QueryState query={campaigns}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('admissions.public.none')}</Text>
          ) : (
            <Stack gap="sm">
              {items.map((c) => (
                <Stack key={c.slug} gap={0}>
                  <AnchorLink to="/apply/$slug" params={{ slug: c.slug }} fw={500}>
                    {name({ nameRu: c.titleRu, nameEn: c.titleEn })}
                  </AnchorLink>
                  <Text size="sm" c="dimmed">
                    {c.isOpen ? t('admissions.public.open', { date: dateTime(c.closesAt) }) : t('admissions.public.notOpen')}
                  </Text>
                </Stack>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

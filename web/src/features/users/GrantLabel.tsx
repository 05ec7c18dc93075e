import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import { regionsQuery } from '../../api/reference.ts';
import { programmesQuery } from '../programmes/programmes.api.ts';
import type { GrantInput } from './users.api.ts';

/** "Coordinator · Школа мэров · Пермский край": a grant in words. */
export function GrantLabel({ grant }: { grant: GrantInput }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const programmes = useQuery(programmesQuery({ page: 1, pageSize: 500 }));
  const regions = useQuery(regionsQuery);
  const programme = programmes.data?.items.find((p) => p.id === grant.programmeId);
  const region = regions.data?.find((r) => r.code === grant.regionCode);
  const parts = [t(`roles.${grant.role}`)];
  if (programme) parts.push(l.name(programme));
  if (grant.streamId) parts.push(t('users.oneStream'));
  if (region) parts.push(l.name(region));
  else if (grant.regionCode) parts.push(grant.regionCode);
  return <>{parts.join(' · ')}</>;
}

import type { Funnel } from '@ms/contracts/admission-funnel';
import { get } from '../../api/client.ts';

export type { Funnel };

export const fetchFunnel = (id: string, testPassMark: number) => get<Funnel>(`/api/admissions/campaigns/${id}/funnel`, { testPassMark });
export const funnelExportUrl = (id: string, testPassMark: number) => `/api/admissions/campaigns/${id}/funnel.xlsx?testPassMark=${testPassMark}`;

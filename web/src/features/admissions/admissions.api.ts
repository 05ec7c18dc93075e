import type {
  Campaign,
  CreateCampaignBody,
  NominationBoard,
  OwnApplication,
  PublicCampaign,
  RankingConfig,
  RankingPreview,
  SaveApplicationBody,
  UpdateCampaignBody,
  WhatIf,
} from '@ms/contracts/admissions';
import { api, get, post, put } from '../../api/client.ts';

export type { Campaign, NominationBoard, OwnApplication, PublicCampaign, RankingConfig, RankingPreview, WhatIf };

export interface StaffApplication {
  id: string;
  fullName: string;
  regionCode: string | null;
  status: OwnApplication['status'];
  isEligible: boolean | null;
  eligibilityReasons: OwnApplication['eligibilityReasons'];
  submittedAt: string | null;
  compositeScore: number | null;
  rankPosition: number | null;
  decision: string | null;
  decisionReason: string | null;
}

export interface RankingState {
  config: RankingConfig | null;
  rankedAt: string | null;
  runs: Array<{ id: string; reason: string; createdAt: string; createdByEmail: string | null; summary: RankingPreview['summary'] }>;
}

// Public side.
export const fetchPublicCampaigns = () => get<{ items: PublicCampaign[] }>('/api/public/admissions/campaigns');
export const fetchPublicCampaign = (slug: string) => get<PublicCampaign>(`/api/public/admissions/campaigns/${encodeURIComponent(slug)}`);
export const startApplication = (slug: string, body: { email: string; lastName: string; firstName: string; middleName?: string }) =>
  post<{ ok: true }>(`/api/public/admissions/campaigns/${encodeURIComponent(slug)}/start`, body);
export const describeConfirmation = (token: string) =>
  get<{ email: string; campaignSlug: string; hasAccount: boolean }>(`/api/public/admissions/confirmations/${encodeURIComponent(token)}`);
export const confirmEmail = (token: string, password?: string) =>
  post<{ applicationId: string; isSignedIn: boolean }>('/api/public/admissions/confirmations', password ? { token, password } : { token });

// The applicant's own applications.
export const fetchMyApplications = () => get<{ items: OwnApplication[] }>('/api/me/applications');
export const fetchMyApplication = (id: string) => get<OwnApplication>(`/api/me/applications/${id}`);
export const saveMyApplication = (id: string, body: SaveApplicationBody) => put<OwnApplication>(`/api/me/applications/${id}`, body);
export const submitMyApplication = (id: string) => post<OwnApplication>(`/api/me/applications/${id}/submit`);
export function uploadDocument(id: string, kind: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api<OwnApplication>(`/api/me/applications/${id}/documents`, { method: 'POST', body: form, query: { kind } });
}
export const removeDocument = (id: string, documentId: string) => api<OwnApplication>(`/api/me/applications/${id}/documents/${documentId}`, { method: 'DELETE' });
export const grantConsent = (version: string) => post<unknown>('/api/me/consents', { version });

// Staff.
export const fetchCampaigns = () => get<{ items: Campaign[] }>('/api/admissions/campaigns');
export const fetchCampaign = (id: string) => get<Campaign>(`/api/admissions/campaigns/${id}`);
export const createCampaign = (body: CreateCampaignBody) => post<Campaign>('/api/admissions/campaigns', body);
export const updateCampaign = (id: string, body: UpdateCampaignBody) => api<Campaign>(`/api/admissions/campaigns/${id}`, { method: 'PATCH', body });
export const fetchApplications = (id: string, query: { page: number; status?: string; region?: string; q?: string }) =>
  get<{ items: StaffApplication[]; total: number; page: number; pageSize: number }>(`/api/admissions/campaigns/${id}/applications`, query);
export const fetchRankingState = (id: string) => get<RankingState>(`/api/admissions/campaigns/${id}/ranking`);
export const previewRanking = (id: string, config: RankingConfig) => post<RankingPreview>(`/api/admissions/campaigns/${id}/ranking/preview`, { config });
export const whatIfRanking = (id: string, current: RankingConfig, proposed: RankingConfig) =>
  post<WhatIf>(`/api/admissions/campaigns/${id}/ranking/what-if`, { current, proposed });
export const commitRanking = (id: string, config: RankingConfig, reason: string) =>
  post<{ runId: string; summary: RankingPreview['summary'] }>(`/api/admissions/campaigns/${id}/ranking/commit`, { config, reason });

// Coordinators.
export const fetchNominationBoard = (id: string) => get<NominationBoard>(`/api/admissions/campaigns/${id}/nominations`);
export const nominate = (id: string, applicationId: string, comment: string) => post<NominationBoard>(`/api/admissions/campaigns/${id}/nominations`, { applicationId, comment });
export const withdrawNomination = (id: string, applicationId: string) =>
  api<NominationBoard>(`/api/admissions/campaigns/${id}/nominations/${applicationId}`, { method: 'DELETE' });

// Decisions.
export const notifyDecisions = (id: string) => post<{ jobId: string }>(`/api/admissions/campaigns/${id}/decisions/notify`);
export const enrolAdmitted = (id: string) => post<{ enrolled: number }>(`/api/admissions/campaigns/${id}/enrolment`);
export const declinePlace = (id: string, applicationId: string) => post<{ promotedApplicationId: string | null }>(`/api/admissions/campaigns/${id}/applications/${applicationId}/decline`);

// The online test.
export type CandidateTest = import('@ms/contracts/admissions').CandidateTest;
export type SetTestBody = import('@ms/contracts/admissions').SetTestBody;
export interface StaffTest {
  opensAt: string | null;
  closesAt: string | null;
  durationMinutes: number | null;
  blocks: SetTestBody['blocks'];
  questions: Array<SetTestBody['questions'][number] & { id: string }>;
  attempts: number;
}
export const fetchStaffTest = (id: string) => get<StaffTest>(`/api/admissions/campaigns/${id}/test`);
export const saveStaffTest = (id: string, body: SetTestBody) => put<StaffTest>(`/api/admissions/campaigns/${id}/test`, body);
export const fetchMyTest = (id: string) => get<CandidateTest>(`/api/me/applications/${id}/test`);
export const startMyTest = (id: string) => post<CandidateTest>(`/api/me/applications/${id}/test/start`);
export const saveTestAnswer = (id: string, questionId: string, answer: string[] | number) => put<{ ok: true }>(`/api/me/applications/${id}/test/answers/${questionId}`, { answer });
export const finishMyTest = (id: string) => post<CandidateTest>(`/api/me/applications/${id}/test/finish`);
/** Opens block n (1-based) of my test; its deadline is fixed by the server. */
export const startMyTestBlock = (id: string, n: number) => post<CandidateTest>(`/api/me/applications/${id}/test/blocks/${n}/start`);
/** Finishes block n early; the last block finishes the test. */
export const finishMyTestBlock = (id: string, n: number) => post<CandidateTest>(`/api/me/applications/${id}/test/blocks/${n}/finish`);

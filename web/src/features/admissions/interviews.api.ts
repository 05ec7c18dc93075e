import type { CreateSlotBody, InterviewBoard, InterviewCandidatePage, MyInterviews, OwnInterview, UpdateSlotBody } from '@ms/contracts/admission-interviews';
import { api, get, post, put, withQuery } from '../../api/client.ts';

export type { CreateSlotBody, InterviewBoard, InterviewCandidatePage, MyInterviews, OwnInterview, UpdateSlotBody };

export const fetchInterviewBoard = (id: string) => get<InterviewBoard>(`/api/admissions/campaigns/${id}/interviews`);
export const createSlot = (id: string, body: CreateSlotBody) => post<InterviewBoard>(`/api/admissions/campaigns/${id}/interviews/slots`, body);
export const updateSlot = (id: string, slotId: string, body: Omit<UpdateSlotBody, 'isConfirmed'> & { isConfirmed?: boolean }) =>
  put<InterviewBoard>(`/api/admissions/campaigns/${id}/interviews/slots/${slotId}`, body);
export const deleteSlot = (id: string, slotId: string, isConfirmed: boolean) =>
  api<InterviewBoard>(`/api/admissions/campaigns/${id}/interviews/slots/${slotId}`, { method: 'DELETE', query: { confirmed: isConfirmed ? 'true' : 'false' } });
export const bookCandidate = (id: string, slotId: string, applicationId: string) => put<InterviewBoard>(`/api/admissions/campaigns/${id}/interviews/slots/${slotId}/bookings`, { applicationId });
export const unbookCandidate = (id: string, slotId: string, applicationId: string) =>
  api<InterviewBoard>(`/api/admissions/campaigns/${id}/interviews/slots/${slotId}/bookings/${applicationId}`, { method: 'DELETE' });
/** The picker's server-side search (name words, region code or name), a page at a time. */
export const fetchInterviewCandidates = (id: string, q: string, signal?: AbortSignal) =>
  get<InterviewCandidatePage>(`/api/admissions/campaigns/${id}/interviews/candidates`, { ...(q ? { q } : {}), pageSize: 20 }, signal);
export const fetchMyInterviews = () => get<MyInterviews>('/api/me/interviews');
export const scoreInterview = (slotId: string, applicationId: string, score: number, comment?: string) =>
  put<MyInterviews>(`/api/me/interviews/${slotId}/scores/${applicationId}`, comment ? { score, comment } : { score });
/** The applicant's own interview slot, or null. */
export const fetchOwnInterview = (applicationId: string) => get<OwnInterview>(`/api/me/applications/${applicationId}/interview`);
export const ownInterviewIcsUrl = (applicationId: string, lang: string) => withQuery(`/api/me/applications/${applicationId}/interview.ics`, { lang });

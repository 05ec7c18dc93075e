import type { CreateSlotBody, InterviewBoard, MyInterviews } from '@ms/contracts/admission-interviews';
import { get, post, put } from '../../api/client.ts';

export type { CreateSlotBody, InterviewBoard, MyInterviews };

export const fetchInterviewBoard = (id: string) => get<InterviewBoard>(`/api/admissions/campaigns/${id}/interviews`);
export const createSlot = (id: string, body: CreateSlotBody) => post<InterviewBoard>(`/api/admissions/campaigns/${id}/interviews/slots`, body);
export const bookCandidate = (id: string, slotId: string, applicationId: string) => put<InterviewBoard>(`/api/admissions/campaigns/${id}/interviews/slots/${slotId}/bookings`, { applicationId });
export const fetchMyInterviews = () => get<MyInterviews>('/api/me/interviews');
export const scoreInterview = (slotId: string, applicationId: string, score: number, comment?: string) =>
  put<MyInterviews>(`/api/me/interviews/${slotId}/scores/${applicationId}`, comment ? { score, comment } : { score });

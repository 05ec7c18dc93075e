import type { BlindReview, ExpertStage, SetExpertStageBody, SubmitReviewBody, Workload } from '@ms/contracts/admission-experts';
import { get, post, put } from '../../api/client.ts';

export type { BlindReview, ExpertStage, SetExpertStageBody, Workload };

// Staff: the expert stage of a campaign.
export const fetchExpertStage = (id: string) => get<ExpertStage>(`/api/admissions/campaigns/${id}/expert-stage`);
export const saveExpertStage = (id: string, body: SetExpertStageBody) => put<ExpertStage>(`/api/admissions/campaigns/${id}/expert-stage`, body);
export const saveExpertPool = (id: string, experts: Array<{ userId: string; regionCode?: string }>) => put<ExpertStage>(`/api/admissions/campaigns/${id}/expert-stage/experts`, { experts });
export const assignExperts = (id: string) => post<{ assigned: number; unassignable: number }>(`/api/admissions/campaigns/${id}/expert-stage/assign`);
export const fetchWorkload = (id: string) => get<Workload>(`/api/admissions/campaigns/${id}/expert-stage/workload`);
export const fetchExpertUsers = () => get<{ items: Array<{ id: string; displayName: string; email: string }> }>('/api/users', { role: 'expert', pageSize: 200 });

// Experts: the blind scoring queue.
export const fetchReviewQueue = () => get<{ items: BlindReview[] }>('/api/me/reviews');
export const fetchReview = (id: string) => get<BlindReview>(`/api/me/reviews/${id}`);
export const submitReview = (id: string, body: SubmitReviewBody) => post<BlindReview>(`/api/me/reviews/${id}`, body);

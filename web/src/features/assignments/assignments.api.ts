import { queryOptions } from '@tanstack/react-query';
import type {
  Assignment,
  CreateAssignmentBody,
  Gradebook,
  GradeBody,
  GradingQueue,
  MyAssignment,
  RubricCriterion,
  Submission,
  SubmissionDetail,
} from '@ms/contracts/assignments';
import { api, get, post, put, withQuery } from '../../api/client.ts';

export type { Assignment, Gradebook, GradingQueue, MyAssignment, RubricCriterion, Submission, SubmissionDetail };
export type MyAssignmentItem = { assignment: Assignment; latestVersion: number; isLate: boolean; isGradeReleased: boolean; score: number | null; isPassed: boolean | null };

/** Files a submission accepts (the server checks the content again). */
export const SUBMISSION_ACCEPT = '.pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg';
export const SUBMISSION_MAX_FILES = 3;

export const myAssignmentsQuery = queryOptions({ queryKey: ['my-assignments'], queryFn: ({ signal }) => get<{ items: MyAssignmentItem[] }>('/api/me/assignments', undefined, signal) });
export const myAssignmentQuery = (id: string) => queryOptions({ queryKey: ['my-assignments', id], queryFn: ({ signal }) => get<MyAssignment>(`/api/me/assignments/${id}`, undefined, signal) });

/** Sends text and files as multipart/form-data, as a phone's browser uploads them. */
export function submitWork(id: string, text: string, files: File[]) {
  const body = new FormData();
  body.append('text', text);
  for (const file of files) body.append('file', file, file.name);
  return api<MyAssignment>(`/api/me/assignments/${id}/submissions`, { method: 'POST', body });
}
export const fileUrl = (fileId: string) => `/api/submission-files/${fileId}`;

export const streamAssignmentsQuery = (streamId: string) =>
  queryOptions({ queryKey: ['assignments', streamId], queryFn: ({ signal }) => get<{ items: Assignment[] }>('/api/assignments', { streamId }, signal) });
export const createAssignment = (body: CreateAssignmentBody) => post<Assignment>('/api/assignments', body);
export const graderCandidatesQuery = (streamId: string) =>
  queryOptions({ queryKey: ['graders', streamId], queryFn: ({ signal }) => get<{ items: Array<{ userId: string; displayName: string }> }>(`/api/streams/${streamId}/graders`, undefined, signal) });
export const setGraders = (id: string, userIds: string[], isRebalancing: boolean) => put<Assignment>(`/api/assignments/${id}/graders`, { userIds, isRebalancing });
export const releaseGrades = (id: string) => post<{ released: number }>(`/api/assignments/${id}/release`, {});
export const assignmentSubmissionsQuery = (id: string) =>
  queryOptions({ queryKey: ['assignment-submissions', id], queryFn: ({ signal }) => get<{ items: Submission[] }>(`/api/assignments/${id}/submissions`, undefined, signal) });

export const gradingQueueQuery = (status: 'to_grade' | 'graded' | 'all') =>
  queryOptions({ queryKey: ['grading-queue', status], queryFn: ({ signal }) => get<GradingQueue>('/api/grading/queue', { status }, signal) });
export const submissionQuery = (id: string) => queryOptions({ queryKey: ['submission', id], queryFn: ({ signal }) => get<SubmissionDetail>(`/api/submissions/${id}`, undefined, signal) });
export const gradeSubmission = (id: string, body: GradeBody) => put<SubmissionDetail>(`/api/submissions/${id}/grade`, body);

/** The gradebook's filter, order and page, as the page keeps them. */
export interface GradebookParams {
  q?: string;
  status: 'all' | 'passing' | 'failing' | 'missing';
  sort: 'name' | 'average';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const gradebookQuery = (streamId: string, query: GradebookParams) =>
  queryOptions({ queryKey: ['gradebook', streamId, query], queryFn: ({ signal }) => get<Gradebook>(`/api/streams/${streamId}/gradebook`, { ...query }, signal) });
export const gradebookExportUrl = (streamId: string, query: GradebookParams, format: 'csv' | 'xlsx') =>
  withQuery(`/api/streams/${streamId}/gradebook/export`, { q: query.q, status: query.status, sort: query.sort, order: query.order, format });

/** A bilingual title in the UI language. */
export const titleOf = (item: { titleRu: string; titleEn: string }, language: string) => (language === 'en' && item.titleEn ? item.titleEn : item.titleRu);

/** The rubric's 0–100 score for chosen levels (the server computes the same; this is the live preview). */
export function previewScore(rubric: RubricCriterion[], levels: Record<string, number>): number | null {
  let earned = 0;
  let total = 0;
  for (const c of rubric) {
    const index = levels[c.key];
    if (index === undefined) return null;
    const best = Math.max(...c.levels.map((l) => l.points));
    total += c.weight;
    earned += best > 0 ? (c.weight * (c.levels[index]?.points ?? 0)) / best : 0;
  }
  return total > 0 ? Math.round((earned / total) * 1000) / 10 : 0;
}

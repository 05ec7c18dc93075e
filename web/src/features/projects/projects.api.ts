import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AddGuestBody, CreateProjectBody, ImplementationBody, MyProjects, Project, ProjectListItem, ScoresBody, UpdateProjectBody } from '@ms/contracts/projects';
import type { Session } from '@ms/contracts/schedule';
import { api, get, post, put } from '../../api/client.ts';

export type { MyProjects, Project, ProjectListItem };
export const CRITERIA = ['relevance', 'feasibility', 'impact', 'presentation'] as const;
export const IMPLEMENTATION_STATUSES = ['not_started', 'in_progress', 'implemented', 'suspended'] as const;
/** Files a project accepts (the server checks the content again). */
export const DOCUMENT_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

export interface ProjectListParams {
  result?: 'pending' | 'passed' | 'failed';
  area?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export const streamProjectsQuery = (streamId: string, params: ProjectListParams) =>
  queryOptions({
    queryKey: ['projects', streamId, params],
    queryFn: ({ signal }) => get<{ items: ProjectListItem[]; total: number; page: number; pageSize: number }>(`/api/streams/${streamId}/projects`, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
export const projectQuery = (id: string) => queryOptions({ queryKey: ['project', id], queryFn: ({ signal }) => get<Project>(`/api/projects/${id}`, undefined, signal) });
export const myProjectsQuery = queryOptions({ queryKey: ['my-projects'], queryFn: ({ signal }) => get<MyProjects>('/api/me/projects', undefined, signal) });
export const defenceSessionsQuery = (streamId: string) =>
  queryOptions({
    queryKey: ['timetable', streamId, 'defence'],
    queryFn: ({ signal }) => get<{ items: Session[] }>(`/api/streams/${streamId}/timetable`, undefined, signal).then((r) => r.items.filter((s) => s.kind === 'project_defence')),
  });

export const createProject = (streamId: string, body: CreateProjectBody) => post<Project>(`/api/streams/${streamId}/projects`, body);
export const updateProject = (id: string, body: UpdateProjectBody) => api<Project>(`/api/projects/${id}`, { method: 'PATCH', body });
export const addGuest = (id: string, body: AddGuestBody) => post<{ ok: true }>(`/api/projects/${id}/guests`, body);
export const removeGuest = (id: string, guestId: string) => api<{ ok: true }>(`/api/projects/${id}/guests/${guestId}`, { method: 'DELETE' });
export const addMilestone = (id: string, title: string, dueOn: string) => post<{ ok: true }>(`/api/projects/${id}/milestones`, { title, dueOn });
export const setMilestoneDone = (id: string, milestoneId: string, isDone: boolean) => api<{ ok: true }>(`/api/projects/${id}/milestones/${milestoneId}`, { method: 'PATCH', body: { isDone } });
export const documentUrl = (id: string, documentId: string) => `/api/projects/${id}/documents/${documentId}`;
export function uploadDocument(id: string, file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<{ id: string }>(`/api/projects/${id}/documents`, { method: 'POST', body });
}
export const saveScores = (id: string, body: ScoresBody) => put<{ ok: true }>(`/api/projects/${id}/scores`, body);
export const setResult = (id: string, result: 'pending' | 'passed' | 'failed') => post<{ ok: true }>(`/api/projects/${id}/result`, { result });
export const updateImplementation = (id: string, body: ImplementationBody) => post<{ ok: true }>(`/api/projects/${id}/implementation`, body);

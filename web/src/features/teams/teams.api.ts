import { queryOptions } from '@tanstack/react-query';
import type { MyTeams, StreamTeams, Team, TeamCommitBody, TeamMember, TeamPreview, TutorOption, UpdateTeamBody } from '@ms/contracts/teams';
import { api, get, post } from '../../api/client.ts';

export type { MyTeams, StreamTeams, Team, TeamMember, TeamPreview, TutorOption };

export const streamTeamsQuery = (streamId: string) =>
  queryOptions({ queryKey: ['teams', streamId], queryFn: ({ signal }) => get<StreamTeams>(`/api/streams/${streamId}/teams`, undefined, signal) });
export const teamQuery = (teamId: string) => queryOptions({ queryKey: ['team', teamId], queryFn: ({ signal }) => get<Team>(`/api/teams/${teamId}`, undefined, signal) });
export const tutorsQuery = (streamId: string) =>
  queryOptions({ queryKey: ['tutors', streamId], queryFn: ({ signal }) => get<{ items: TutorOption[] }>(`/api/streams/${streamId}/tutors`, undefined, signal) });
export const myTeamsQuery = queryOptions({ queryKey: ['my-teams'], queryFn: ({ signal }) => get<MyTeams>('/api/me/teams', undefined, signal) });

export const previewTeams = (streamId: string, seed: number) => post<TeamPreview>(`/api/streams/${streamId}/teams/preview`, { seed });
export const commitTeams = (streamId: string, body: TeamCommitBody) => post<StreamTeams>(`/api/streams/${streamId}/teams/commit`, body);
export const updateTeam = (teamId: string, body: UpdateTeamBody) => api<Team>(`/api/teams/${teamId}`, { method: 'PATCH', body });
export const moveMember = (teamId: string, personId: string) => post<Team>(`/api/teams/${teamId}/members`, { personId });

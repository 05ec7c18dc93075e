import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type {
  CreateIntakeBody,
  CreateOrganisationBody,
  CreateProgrammeBody,
  CreateStreamBody,
  Intake,
  Organisation,
  Programme,
  Stream,
  UpdateIntakeBody,
  UpdateOrganisationBody,
  UpdateProgrammeBody,
  UpdateStreamBody,
} from '@ms/contracts/programmes';
import { api, get, post } from '../../api/client.ts';
import type { Page } from './programmes.api.ts';

export type { Organisation };

const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });

export const organisationsQuery = queryOptions({
  queryKey: ['organisations'],
  queryFn: ({ signal }) => get<Page<Organisation>>('/api/organisations', { pageSize: 500 }, signal),
});

export const createOrganisation = (body: CreateOrganisationBody) => post<Organisation>('/api/organisations', body);
export const updateOrganisation = (id: string, body: UpdateOrganisationBody) => patch<Organisation>(`/api/organisations/${id}`, body);
export const createProgramme = (body: CreateProgrammeBody) => post<Programme>('/api/programmes', body);
export const updateProgramme = (id: string, body: UpdateProgrammeBody) => patch<Programme>(`/api/programmes/${id}`, body);
export const createIntake = (body: CreateIntakeBody) => post<Intake>('/api/intakes', body);
export const updateIntake = (id: string, body: UpdateIntakeBody) => patch<Intake>(`/api/intakes/${id}`, body);
export const createStream = (body: CreateStreamBody) => post<Stream>('/api/streams', body);
export const updateStream = (id: string, body: UpdateStreamBody) => patch<Stream>(`/api/streams/${id}`, body);

/** After any change to the catalogue tree: lists and single items are refetched (the tree is small). */
export function refreshCatalogue(queryClient: QueryClient): void {
  for (const key of ['organisations', 'programmes', 'programme', 'intakes', 'streams', 'stream']) void queryClient.invalidateQueries({ queryKey: [key] });
}

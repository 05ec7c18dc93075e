import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type {
  AffiliationKind,
  CreateModuleBody,
  CreateSessionBody,
  HostView,
  Module,
  Session,
  SiteVisitSplit,
  Speaker,
  Timetable,
  TravelLeg,
  UpdateModuleBody,
  UpdateSessionBody,
  Venue,
} from '@ms/contracts/schedule';
import { api, get, post, withQuery } from '../../api/client.ts';

export type { AffiliationKind, HostView, Speaker, TravelLeg, Venue };

const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });

/** A programme's venues, for the module form's select. */
export const venuesQuery = (programmeId: string) =>
  queryOptions({
    queryKey: ['venues', programmeId],
    queryFn: ({ signal }) => get<{ items: Venue[] }>('/api/venues', { programmeId }, signal).then((r) => r.items),
  });

/** A programme's speakers (filtered by affiliation on the page: the list is small). */
export const speakersQuery = (programmeId: string) =>
  queryOptions({
    queryKey: ['speakers', programmeId],
    queryFn: ({ signal }) => get<{ items: Speaker[] }>('/api/speakers', { programmeId }, signal).then((r) => r.items),
  });

export const speakerQuery = (id: string) => queryOptions({ queryKey: ['speaker', id], queryFn: ({ signal }) => get<Speaker>(`/api/speakers/${id}`, undefined, signal) });

/** The sessions a speaker leads (readable by the speaker and staff). */
export const speakerTimetableQuery = (id: string) =>
  queryOptions({ queryKey: ['timetable', 'speaker', id], queryFn: ({ signal }) => get<Timetable>(`/api/speakers/${id}/timetable`, undefined, signal), retry: false });

export const speakerIcsUrl = (id: string, lang: string) => withQuery(`/api/speakers/${id}/timetable.ics`, { lang });

/** The host coordinator's view of a module. */
export const hostViewQuery = (moduleId: string) =>
  queryOptions({ queryKey: ['host-view', moduleId], queryFn: ({ signal }) => get<HostView>(`/api/modules/${moduleId}/host-view`, undefined, signal) });

/** The signed-in participant's travel legs. */
export const myTravelQuery = queryOptions({
  queryKey: ['travel', 'me'],
  queryFn: ({ signal }) => get<{ items: TravelLeg[] }>('/api/me/travel-legs', undefined, signal).then((r) => r.items),
});

export const createModule = (body: CreateModuleBody) => post<Module>('/api/modules', body);
export const updateModule = (id: string, body: UpdateModuleBody) => patch<Module>(`/api/modules/${id}`, body);
export const createSession = (body: CreateSessionBody) => post<Session>('/api/sessions', body);
export const updateSession = (id: string, body: UpdateSessionBody) => patch<Session>(`/api/sessions/${id}`, body);
/** Splits the stream across the module's parallel site visits by capacity (replaces earlier groups). */
export const distributeSiteVisits = (moduleId: string) => post<SiteVisitSplit>(`/api/modules/${moduleId}/site-visits/distribute`, {});
export const deleteModule = (id: string) => api<{ ok: true }>(`/api/modules/${id}`, { method: 'DELETE' });
export const deleteSpeaker = (id: string) => api<{ ok: true }>(`/api/speakers/${id}`, { method: 'DELETE' });
export const deleteSession = (id: string) => api<{ ok: true }>(`/api/sessions/${id}`, { method: 'DELETE' });

/** After a schedule change: timetables, modules, itineraries and speakers' counts are refetched. */
export function refreshSchedule(queryClient: QueryClient): void {
  for (const key of ['timetable', 'modules', 'module', 'itinerary', 'speakers', 'speaker', 'session', 'host-view']) void queryClient.invalidateQueries({ queryKey: [key] });
}

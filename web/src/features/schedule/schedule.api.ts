import { queryOptions } from '@tanstack/react-query';
import type { Module, Session, StreamItinerary, Timetable } from '@ms/contracts/schedule';
import type { Feed, FeedKind } from '@ms/contracts/schedule-attendance';
import { get, post, withQuery } from '../../api/client.ts';

export type { Feed, FeedKind, Module, Session, StreamItinerary, Timetable };

/** The signed-in participant's sessions, every module. */
export const myTimetableQuery = queryOptions({
  queryKey: ['timetable', 'me'],
  queryFn: ({ signal }) => get<Timetable>('/api/me/timetable', undefined, signal),
});

/** A stream's sessions; `from`/`to` (local dates, inclusive) narrow it to a day or a module. */
export const streamTimetableQuery = (streamId: string, range: { from?: string; to?: string } = {}) =>
  queryOptions({
    queryKey: ['timetable', 'stream', streamId, range],
    queryFn: ({ signal }) => get<Timetable>(`/api/streams/${streamId}/timetable`, range, signal),
  });

export const moduleQuery = (id: string) => queryOptions({ queryKey: ['module', id], queryFn: ({ signal }) => get<Module>(`/api/modules/${id}`, undefined, signal) });

export const modulesQuery = (streamId: string) =>
  queryOptions({
    queryKey: ['modules', streamId],
    queryFn: ({ signal }) => get<{ items: Module[] }>('/api/modules', { streamId }, signal).then((r) => r.items),
  });

export const itineraryQuery = (streamId: string) =>
  queryOptions({ queryKey: ['itinerary', streamId], queryFn: ({ signal }) => get<StreamItinerary>(`/api/streams/${streamId}/itinerary`, undefined, signal) });

export const sessionQuery = (id: string) => queryOptions({ queryKey: ['session', id], queryFn: ({ signal }) => get<Session>(`/api/sessions/${id}`, undefined, signal) });

export const feedsQuery = queryOptions({
  queryKey: ['calendar-feeds'],
  queryFn: ({ signal }) => get<{ items: Feed[] }>('/api/calendar-feeds', undefined, signal).then((r) => r.items),
});

/** Creates a secret subscription URL; the answer is the only time the URL is shown. */
export const createFeed = (kind: FeedKind, subjectId: string) => post<Feed & { url: string }>('/api/calendar-feeds', { kind, subjectId });
export const revokeFeed = (id: string) => post<Feed>(`/api/calendar-feeds/${id}/revoke`);

/** One-off .ics downloads: plain links, the session cookie goes along. */
export const myIcsUrl = (lang: string) => withQuery('/api/me/timetable.ics', { lang });
export const streamIcsUrl = (streamId: string, lang: string) => withQuery(`/api/streams/${streamId}/timetable.ics`, { lang });

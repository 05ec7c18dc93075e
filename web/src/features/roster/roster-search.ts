import type { EnrolmentStatus, RosterQuery } from '@ms/contracts/people';
import { optionalString, positiveInt, sortDir } from '../../search.ts';

export type RosterSort = RosterQuery['sort'];
// Types only come from the contracts: importing their values would bundle zod into the web app.
const ROSTER_SORTS: readonly RosterSort[] = ['lastName', 'age', 'region', 'enrolledAt'];

/** The stream page's URL state: roster filters, order, page and which view is open. */
export interface RosterSearch {
  q?: string;
  region?: string;
  district?: string;
  status?: EnrolmentStatus;
  sort?: RosterSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  view?: StreamView;
}

/** The stream page's tabs other than the roster (the default). */
export type StreamView = 'map' | 'timetable' | 'attendance' | 'assignments' | 'completion' | 'diplomas' | 'teams' | 'improvements' | 'projects';
const VIEWS: readonly StreamView[] = ['map', 'timetable', 'attendance', 'assignments', 'completion', 'diplomas', 'teams', 'improvements', 'projects'];

const STATUSES: readonly string[] = ['enrolled', 'withdrawn', 'graduated'];

export function validateRosterSearch(search: Record<string, unknown>): RosterSearch {
  const status = optionalString(search.status);
  const sort = optionalString(search.sort);
  const pageSize = positiveInt(search.pageSize, 50, 500);
  return {
    q: optionalString(search.q),
    region: optionalString(search.region, 1000),
    district: optionalString(search.district, 10),
    status: status && STATUSES.includes(status) ? (status as EnrolmentStatus) : undefined,
    sort: sort && (ROSTER_SORTS as readonly string[]).includes(sort) ? (sort as RosterSort) : undefined,
    order: sortDir(search.order),
    page: positiveInt(search.page, 1),
    pageSize: pageSize === 50 ? undefined : pageSize,
    view: VIEWS.find((v) => v === search.view),
  };
}

/** The query string the roster API and its export take for this page state. */
export function rosterApiQuery(search: RosterSearch) {
  return {
    q: search.q,
    region: search.region,
    federalDistrict: search.district,
    status: search.status,
    sort: search.sort,
    order: search.order,
  };
}

import type { CurriculumTopic, Module, Session, SessionKind, Speaker, TravelLeg, Venue } from '@ms/contracts/schedule';
import type { AffiliationKind } from '@ms/contracts/schedule';
import type { scheduleModules, speakers, travelLegs, venues } from '../../db/schema/index.ts';
import { fullName } from '../people/roster.service.ts';
import { localDate } from './geo.ts';
import type { SessionView } from './timetable.repo.ts';

/** Row → contract shapes: the response schemas are the allow-list, these only rename and format. */
export const toVenue = (row: typeof venues.$inferSelect): Venue => ({
  id: row.id,
  programmeId: row.programmeId,
  nameRu: row.nameRu,
  nameEn: row.nameEn,
  addressRu: row.addressRu,
  addressEn: row.addressEn,
  regionCode: row.regionCode,
  lat: row.lat,
  lon: row.lon,
  timeZone: row.timeZone,
});

export const toModule = (row: typeof scheduleModules.$inferSelect, venue: typeof venues.$inferSelect, canManage: boolean): Module => ({
  id: row.id,
  streamId: row.streamId,
  number: row.number,
  themeRu: row.themeRu,
  themeEn: row.themeEn,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  venue: toVenue(venue),
  hostRegionCode: row.hostRegionCode,
  coHostRegionCodes: row.coHostRegionCodes,
  hostCoordinatorUserId: row.hostCoordinatorUserId,
  topics: row.topics as CurriculumTopic[],
  canManage,
});

export const toSpeaker = (row: typeof speakers.$inferSelect & { sessionCount: number }): Speaker => ({
  id: row.id,
  programmeId: row.programmeId,
  userId: row.userId,
  nameRu: row.nameRu,
  nameEn: row.nameEn,
  affiliationKind: row.affiliationKind as AffiliationKind,
  organisationRu: row.organisationRu,
  organisationEn: row.organisationEn,
  bioRu: row.bioRu,
  bioEn: row.bioEn,
  sessionCount: row.sessionCount,
});

export const toSession = (row: SessionView): Session => ({
  id: row.id,
  moduleId: row.moduleId,
  streamId: row.streamId,
  moduleNumber: row.moduleNumber,
  kind: row.kind as SessionKind,
  titleRu: row.titleRu,
  titleEn: row.titleEn,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  timeZone: row.timeZone,
  localDate: localDate(row.startsAt, row.timeZone),
  venueNameRu: row.venueNameRu,
  venueNameEn: row.venueNameEn,
  place: row.place,
  capacity: row.capacity,
  topics: row.topics as CurriculumTopic[],
  speakers: row.speakers,
});

export const toTravelLeg = (row: { leg: typeof travelLegs.$inferSelect; lastName: string; firstName: string; middleName: string | null }): TravelLeg => ({
  id: row.leg.id,
  personId: row.leg.personId,
  personName: fullName(row),
  moduleId: row.leg.moduleId,
  direction: row.leg.direction as TravelLeg['direction'],
  mode: row.leg.mode as TravelLeg['mode'],
  fromPlace: row.leg.fromPlace,
  toPlace: row.leg.toPlace,
  departAt: row.leg.departAt.toISOString(),
  arriveAt: row.leg.arriveAt.toISOString(),
  bookingRef: row.leg.bookingRef,
  lodging: row.leg.lodging,
  needsTransfer: row.leg.needsTransfer,
});

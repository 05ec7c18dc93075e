import { z } from 'zod';
import { IsoDateSchema, PlainTextSchema } from './common.ts';

/**
 * Schedule and field modules: venues, modules, speakers, sessions, timetables, itineraries, travel.
 * Attendance and calendar feeds are in schedule-attendance.ts.
 */

const NameSchema = PlainTextSchema(300).pipe(z.string().min(1));
const TextSchema = (max: number) => PlainTextSchema(max);
/** A UTC instant; an offset is accepted on input and normalised to UTC by the server. */
export const InstantSchema = z.iso.datetime({ offset: true });

/** The eight curriculum topics of the programme (fixed codes; ru is the primary label). */
export const CURRICULUM_TOPICS = {
  national_goals: { ru: 'Национальные цели развития', en: 'National development goals' },
  management_methods: { ru: 'Современные методы управления', en: 'Modern management methods' },
  operational_efficiency: { ru: 'Операционная эффективность', en: 'Operational efficiency' },
  team_dynamics: { ru: 'Командная динамика', en: 'Team dynamics' },
  strategic_planning: { ru: 'Стратегическое планирование', en: 'Strategic planning' },
  municipal_economics: { ru: 'Муниципальная экономика и финансы', en: 'Municipal economics and finance' },
  municipal_management: { ru: 'Муниципальное управление', en: 'Municipal management' },
  territorial_development: { ru: 'Развитие территорий', en: 'Territorial development' },
} as const;
export const CurriculumTopicSchema = z.enum(Object.keys(CURRICULUM_TOPICS) as [keyof typeof CURRICULUM_TOPICS, ...Array<keyof typeof CURRICULUM_TOPICS>]);
export type CurriculumTopic = z.infer<typeof CurriculumTopicSchema>;

export const SESSION_KINDS = {
  lecture: { ru: 'Лекция', en: 'Lecture' },
  workshop: { ru: 'Практикум', en: 'Workshop' },
  strategic_session: { ru: 'Стратегическая сессия', en: 'Strategic session' },
  team_building: { ru: 'Командообразование', en: 'Team-building' },
  walking_tour: { ru: 'Прогулка с мэром', en: 'Walking tour with the mayor' },
  site_visit: { ru: 'Выездное посещение', en: 'Site visit' },
  open_dialogue: { ru: 'Открытый диалог', en: 'Open dialogue' },
  simulator_game: { ru: 'Деловая игра', en: 'Simulator game' },
  project_defence: { ru: 'Защита проектов', en: 'Project defence' },
  ceremony: { ru: 'Церемония', en: 'Ceremony' },
} as const;
export const SessionKindSchema = z.enum(Object.keys(SESSION_KINDS) as [keyof typeof SESSION_KINDS, ...Array<keyof typeof SESSION_KINDS>]);
export type SessionKind = z.infer<typeof SessionKindSchema>;

export const AFFILIATION_KINDS = {
  federal_ministry: { ru: 'Федеральное министерство или ведомство', en: 'Federal ministry or agency' },
  regional_government: { ru: 'Глава или правительство региона', en: 'Regional head or government' },
  municipal_head: { ru: 'Глава муниципалитета', en: 'Municipal head' },
  academy_faculty: { ru: 'Преподаватель Академии', en: 'Academy faculty' },
  business: { ru: 'Бизнес', en: 'Business' },
  other: { ru: 'Другое', en: 'Other' },
} as const;
export const AffiliationKindSchema = z.enum(Object.keys(AFFILIATION_KINDS) as [keyof typeof AFFILIATION_KINDS, ...Array<keyof typeof AFFILIATION_KINDS>]);
export type AffiliationKind = z.infer<typeof AffiliationKindSchema>;

/** An IANA time zone name the server's ICU knows. */
export const TimeZoneSchema = z.string().min(1).max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}, { message: 'time zone' });

// ---- venues
export const VenueSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  addressRu: z.string(),
  addressEn: z.string(),
  regionCode: z.string(),
  lat: z.number(),
  lon: z.number(),
  /** IANA time zone the venue's sessions are shown in. */
  timeZone: z.string(),
});
export type Venue = z.infer<typeof VenueSchema>;
export const VenueListSchema = z.object({ items: z.array(VenueSchema) });
export const VenuesQuerySchema = z.object({ programmeId: z.uuid() });
/*
 * Update bodies are built from field sets without defaults: zod's partial() keeps a field's default,
 * which would silently reset an omitted field on PATCH.
 */
const VenueFieldsSchema = z.strictObject({
  programmeId: z.uuid(),
  nameRu: NameSchema,
  nameEn: NameSchema,
  addressRu: TextSchema(500),
  addressEn: TextSchema(500),
  regionCode: z.string().regex(/^RU-[A-Z]{2,3}$/),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  timeZone: TimeZoneSchema,
});
export const CreateVenueBodySchema = VenueFieldsSchema.extend({ addressRu: TextSchema(500).default(''), addressEn: TextSchema(500).default('') });
export type CreateVenueBody = z.infer<typeof CreateVenueBodySchema>;
export const UpdateVenueBodySchema = VenueFieldsSchema.omit({ programmeId: true }).partial();
export type UpdateVenueBody = z.infer<typeof UpdateVenueBodySchema>;

// ---- modules
export const ModuleSchema = z.object({
  id: z.string(),
  streamId: z.string(),
  number: z.number().int(),
  themeRu: z.string(),
  themeEn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: VenueSchema,
  /** Null for modules at the programme's own campus (Senezh). */
  hostRegionCode: z.string().nullable(),
  /** Further regions presenting their practices at a joint field module. */
  coHostRegionCodes: z.array(z.string()),
  hostCoordinatorUserId: z.string().nullable(),
  topics: z.array(CurriculumTopicSchema),
  canManage: z.boolean(),
});
export type Module = z.infer<typeof ModuleSchema>;
export const ModuleListSchema = z.object({ items: z.array(ModuleSchema) });
export const ModulesQuerySchema = z.object({ streamId: z.uuid() });
const ModuleFieldsSchema = z.strictObject({
  streamId: z.uuid(),
  number: z.number().int().min(1).max(20),
  themeRu: NameSchema,
  themeEn: NameSchema,
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  venueId: z.uuid(),
  hostRegionCode: z.string().regex(/^RU-[A-Z]{2,3}$/).nullable(),
  coHostRegionCodes: z.array(z.string().regex(/^RU-[A-Z]{2,3}$/)).max(5),
  hostCoordinatorUserId: z.uuid().nullable(),
  topics: z.array(CurriculumTopicSchema).max(8),
});
export const CreateModuleBodySchema = ModuleFieldsSchema.extend({
  hostRegionCode: ModuleFieldsSchema.shape.hostRegionCode.default(null),
  coHostRegionCodes: ModuleFieldsSchema.shape.coHostRegionCodes.default([]),
  hostCoordinatorUserId: ModuleFieldsSchema.shape.hostCoordinatorUserId.default(null),
  topics: ModuleFieldsSchema.shape.topics.default([]),
});
export type CreateModuleBody = z.infer<typeof CreateModuleBodySchema>;
export const UpdateModuleBodySchema = ModuleFieldsSchema.omit({ streamId: true }).partial();
export type UpdateModuleBody = z.infer<typeof UpdateModuleBodySchema>;

// ---- speakers
export const SpeakerSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  /** The speaker's account, if any: it lets them read the sessions they lead. */
  userId: z.string().nullable(),
  nameRu: z.string(),
  nameEn: z.string(),
  affiliationKind: AffiliationKindSchema,
  organisationRu: z.string(),
  organisationEn: z.string(),
  bioRu: z.string(),
  bioEn: z.string(),
  /** How many sessions they lead. */
  sessionCount: z.number().int(),
});
export type Speaker = z.infer<typeof SpeakerSchema>;
export const SpeakerListSchema = z.object({ items: z.array(SpeakerSchema) });
export const SpeakersQuerySchema = z.object({ programmeId: z.uuid() });
const SpeakerFieldsSchema = z.strictObject({
  programmeId: z.uuid(),
  userId: z.uuid().nullable(),
  nameRu: NameSchema,
  nameEn: NameSchema,
  affiliationKind: AffiliationKindSchema,
  organisationRu: TextSchema(500),
  organisationEn: TextSchema(500),
  bioRu: TextSchema(3000),
  bioEn: TextSchema(3000),
});
export const CreateSpeakerBodySchema = SpeakerFieldsSchema.extend({
  userId: SpeakerFieldsSchema.shape.userId.default(null),
  organisationRu: TextSchema(500).default(''),
  organisationEn: TextSchema(500).default(''),
  bioRu: TextSchema(3000).default(''),
  bioEn: TextSchema(3000).default(''),
});
export type CreateSpeakerBody = z.infer<typeof CreateSpeakerBodySchema>;
export const UpdateSpeakerBodySchema = SpeakerFieldsSchema.omit({ programmeId: true }).partial();
export type UpdateSpeakerBody = z.infer<typeof UpdateSpeakerBodySchema>;

// ---- sessions
export const SessionSchema = z.object({
  id: z.string(),
  moduleId: z.string(),
  streamId: z.string(),
  moduleNumber: z.number().int(),
  kind: SessionKindSchema,
  titleRu: z.string(),
  titleEn: z.string(),
  /** UTC instants. */
  startsAt: z.string(),
  endsAt: z.string(),
  /** The venue's IANA time zone, to show the times in. */
  timeZone: z.string(),
  /** The local date (YYYY-MM-DD) in the venue's time zone: the key of day and week agendas. */
  localDate: z.string(),
  venueNameRu: z.string(),
  venueNameEn: z.string(),
  place: z.string(),
  capacity: z.number().int().nullable(),
  topics: z.array(CurriculumTopicSchema),
  speakers: z.array(z.object({ id: z.string(), nameRu: z.string(), nameEn: z.string() })),
});
export type Session = z.infer<typeof SessionSchema>;
const SessionFieldsSchema = z.strictObject({
  moduleId: z.uuid(),
  kind: SessionKindSchema,
  titleRu: NameSchema,
  titleEn: NameSchema,
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  place: TextSchema(300),
  capacity: z.number().int().min(1).max(10_000).nullable(),
  topics: z.array(CurriculumTopicSchema).max(8),
  speakerIds: z.array(z.uuid()).max(20),
});
export const CreateSessionBodySchema = SessionFieldsSchema.extend({
  place: TextSchema(300).default(''),
  capacity: SessionFieldsSchema.shape.capacity.default(null),
  topics: SessionFieldsSchema.shape.topics.default([]),
  speakerIds: SessionFieldsSchema.shape.speakerIds.default([]),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBodySchema>;
export const UpdateSessionBodySchema = SessionFieldsSchema.omit({ moduleId: true }).partial();
export type UpdateSessionBody = z.infer<typeof UpdateSessionBodySchema>;

// ---- timetables
/** Optional range (local dates, inclusive) for a day or week agenda. */
export const TimetableQuerySchema = z.object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() });
export type TimetableQuery = z.infer<typeof TimetableQuerySchema>;
export const TimetableSchema = z.object({ items: z.array(SessionSchema) });
export type Timetable = z.infer<typeof TimetableSchema>;

// ---- itineraries
export const ItineraryStopSchema = z.object({
  moduleId: z.string(),
  number: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  venueNameRu: z.string(),
  venueNameEn: z.string(),
  regionCode: z.string(),
  lat: z.number(),
  lon: z.number(),
  /** Great-circle km from the previous stop (0 for the first). */
  kmFromPrevious: z.number(),
});
export const StreamItinerarySchema = z.object({
  streamId: z.string(),
  streamNumber: z.number().int(),
  stops: z.array(ItineraryStopSchema),
  totalKm: z.number(),
});
export type StreamItinerary = z.infer<typeof StreamItinerarySchema>;
export const ProgrammeItinerarySchema = z.object({
  programmeId: z.string(),
  streams: z.array(StreamItinerarySchema),
  /** Sum of every stream's great-circle itinerary. */
  totalKm: z.number(),
});

// ---- travel
export const TravelDirectionSchema = z.enum(['inbound', 'outbound']);
export const TravelModeSchema = z.enum(['air', 'rail', 'bus', 'car', 'other']);
export const TravelLegSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  moduleId: z.string(),
  direction: TravelDirectionSchema,
  mode: TravelModeSchema,
  fromPlace: z.string(),
  toPlace: z.string(),
  departAt: z.string(),
  arriveAt: z.string(),
  bookingRef: z.string().nullable(),
  lodging: z.string().nullable(),
  needsTransfer: z.boolean(),
});
export type TravelLeg = z.infer<typeof TravelLegSchema>;
export const TravelLegListSchema = z.object({ items: z.array(TravelLegSchema) });
const TravelLegFieldsSchema = z.strictObject({
  personId: z.uuid(),
  moduleId: z.uuid(),
  direction: TravelDirectionSchema,
  mode: TravelModeSchema,
  fromPlace: TextSchema(300),
  toPlace: TextSchema(300),
  departAt: InstantSchema,
  arriveAt: InstantSchema,
  bookingRef: TextSchema(100).nullable(),
  lodging: TextSchema(300).nullable(),
  needsTransfer: z.boolean(),
});
export const CreateTravelLegBodySchema = TravelLegFieldsSchema.extend({
  fromPlace: TextSchema(300).default(''),
  toPlace: TextSchema(300).default(''),
  bookingRef: TravelLegFieldsSchema.shape.bookingRef.default(null),
  lodging: TravelLegFieldsSchema.shape.lodging.default(null),
  needsTransfer: z.boolean().default(false),
});
export type CreateTravelLegBody = z.infer<typeof CreateTravelLegBodySchema>;
export const UpdateTravelLegBodySchema = TravelLegFieldsSchema.omit({ personId: true, moduleId: true }).partial();
export type UpdateTravelLegBody = z.infer<typeof UpdateTravelLegBodySchema>;

/** The host coordinator's view of a module: who arrives and leaves when, where they sleep, site visits. */
export const HostViewSchema = z.object({
  module: ModuleSchema,
  days: z.array(z.object({ date: z.string(), arrivals: z.array(TravelLegSchema), departures: z.array(TravelLegSchema) })),
  lodging: z.array(z.object({ lodging: z.string(), people: z.array(z.object({ personId: z.string(), personName: z.string() })) })),
  transfers: z.array(TravelLegSchema),
  siteVisits: z.array(
    z.object({
      session: SessionSchema,
      /** Assigned people when a group has been assigned; otherwise the stream, up to the capacity. */
      expectedAttendees: z.number().int(),
      /** Who is assigned to this visit (empty until staff assign or distribute). */
      attendees: z.array(z.object({ personId: z.uuid(), personName: z.string(), regionCode: z.string().nullable() })),
    }),
  ),
});
export type HostView = z.infer<typeof HostViewSchema>;
export const SessionIdParamsSchema = z.object({ id: z.uuid() });

/** One person assigned to a site visit or walking tour. */
export const SiteVisitAttendeeSchema = z.object({ personId: z.uuid(), personName: z.string(), regionCode: z.string().nullable() });
export const SiteVisitAttendeesSchema = z.object({
  sessionId: z.uuid(),
  capacity: z.number().int().nullable(),
  items: z.array(SiteVisitAttendeeSchema),
});
export type SiteVisitAttendees = z.infer<typeof SiteVisitAttendeesSchema>;
/** The whole group for a visit: people leave any parallel visit of the module they were on. */
export const SetSiteVisitAttendeesBodySchema = z.object({ personIds: z.array(z.uuid()).max(1000) });
export type SetSiteVisitAttendeesBody = z.infer<typeof SetSiteVisitAttendeesBodySchema>;
/** What distributing a module's participants across its parallel visits did. */
export const SiteVisitSplitSchema = z.object({
  moduleId: z.uuid(),
  groups: z.array(
    z.object({
      sessions: z.array(z.object({ sessionId: z.uuid(), count: z.number().int() })),
      /** People who did not fit: the visits' capacities add up to less than the stream. */
      unplaced: z.number().int(),
    }),
  ),
});
export type SiteVisitSplit = z.infer<typeof SiteVisitSplitSchema>;

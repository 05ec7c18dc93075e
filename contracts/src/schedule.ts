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
export const CreateVenueBodySchema = z.strictObject({
  programmeId: z.uuid(),
  nameRu: NameSchema,
  nameEn: NameSchema,
  addressRu: TextSchema(500).default(''),
  addressEn: TextSchema(500).default(''),
  regionCode: z.string().regex(/^RU-[A-Z]{2,3}$/),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  timeZone: TimeZoneSchema,
});
export type CreateVenueBody = z.infer<typeof CreateVenueBodySchema>;
export const UpdateVenueBodySchema = CreateVenueBodySchema.omit({ programmeId: true }).partial();
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
  hostCoordinatorUserId: z.string().nullable(),
  topics: z.array(CurriculumTopicSchema),
  canManage: z.boolean(),
});
export type Module = z.infer<typeof ModuleSchema>;
export const ModuleListSchema = z.object({ items: z.array(ModuleSchema) });
export const ModulesQuerySchema = z.object({ streamId: z.uuid() });
export const CreateModuleBodySchema = z.strictObject({
  streamId: z.uuid(),
  number: z.number().int().min(1).max(20),
  themeRu: NameSchema,
  themeEn: NameSchema,
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  venueId: z.uuid(),
  hostRegionCode: z.string().regex(/^RU-[A-Z]{2,3}$/).nullable().default(null),
  hostCoordinatorUserId: z.uuid().nullable().default(null),
  topics: z.array(CurriculumTopicSchema).max(8).default([]),
});
export type CreateModuleBody = z.infer<typeof CreateModuleBodySchema>;
export const UpdateModuleBodySchema = CreateModuleBodySchema.omit({ streamId: true }).partial();
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
export const CreateSpeakerBodySchema = z.strictObject({
  programmeId: z.uuid(),
  userId: z.uuid().nullable().default(null),
  nameRu: NameSchema,
  nameEn: NameSchema,
  affiliationKind: AffiliationKindSchema,
  organisationRu: TextSchema(500).default(''),
  organisationEn: TextSchema(500).default(''),
  bioRu: TextSchema(3000).default(''),
  bioEn: TextSchema(3000).default(''),
});
export type CreateSpeakerBody = z.infer<typeof CreateSpeakerBodySchema>;
export const UpdateSpeakerBodySchema = CreateSpeakerBodySchema.omit({ programmeId: true }).partial();
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
export const CreateSessionBodySchema = z.strictObject({
  moduleId: z.uuid(),
  kind: SessionKindSchema,
  titleRu: NameSchema,
  titleEn: NameSchema,
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  place: TextSchema(300).default(''),
  capacity: z.number().int().min(1).max(10_000).nullable().default(null),
  topics: z.array(CurriculumTopicSchema).max(8).default([]),
  speakerIds: z.array(z.uuid()).max(20).default([]),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBodySchema>;
export const UpdateSessionBodySchema = CreateSessionBodySchema.omit({ moduleId: true }).partial();
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
export const CreateTravelLegBodySchema = z.strictObject({
  personId: z.uuid(),
  moduleId: z.uuid(),
  direction: TravelDirectionSchema,
  mode: TravelModeSchema,
  fromPlace: TextSchema(300).default(''),
  toPlace: TextSchema(300).default(''),
  departAt: InstantSchema,
  arriveAt: InstantSchema,
  bookingRef: TextSchema(100).nullable().default(null),
  lodging: TextSchema(300).nullable().default(null),
  needsTransfer: z.boolean().default(false),
});
export type CreateTravelLegBody = z.infer<typeof CreateTravelLegBodySchema>;
export const UpdateTravelLegBodySchema = CreateTravelLegBodySchema.omit({ personId: true, moduleId: true }).partial();
export type UpdateTravelLegBody = z.infer<typeof UpdateTravelLegBodySchema>;

/** The host coordinator's view of a module: who arrives and leaves when, where they sleep, site visits. */
export const HostViewSchema = z.object({
  module: ModuleSchema,
  days: z.array(z.object({ date: z.string(), arrivals: z.array(TravelLegSchema), departures: z.array(TravelLegSchema) })),
  lodging: z.array(z.object({ lodging: z.string(), people: z.array(z.object({ personId: z.string(), personName: z.string() })) })),
  transfers: z.array(TravelLegSchema),
  siteVisits: z.array(z.object({ session: SessionSchema, expectedAttendees: z.number().int() })),
});
export type HostView = z.infer<typeof HostViewSchema>;
export const SessionIdParamsSchema = z.object({ id: z.uuid() });

import { z } from 'zod';
import { AreaCodeSchema } from './areas.ts';
import { IsoDateSchema, PageQuerySchema, PlainTextSchema, pageOf } from './common.ts';

const Title = PlainTextSchema(300).pipe(z.string().min(3));

export const DefenceResultSchema = z.enum(['pending', 'passed', 'failed']);
export type DefenceResultValue = z.infer<typeof DefenceResultSchema>;
export const ImplementationStatusSchema = z.enum(['not_started', 'in_progress', 'implemented', 'suspended']);
export type ImplementationStatus = z.infer<typeof ImplementationStatusSchema>;
/** The defence rubric: each criterion scored 1–10 by each panel member. */
export const DEFENCE_CRITERIA = ['relevance', 'feasibility', 'impact', 'presentation'] as const;
export const DefenceCriterionSchema = z.enum(DEFENCE_CRITERIA);
export const DOCUMENT_KINDS = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'] as const;

export const CreateProjectBodySchema = z.object({
  title: Title,
  summary: PlainTextSchema(4000).default(''),
  areas: z.array(AreaCodeSchema).min(1).max(5),
  /** The team writing it (its members join the project); absent for an individual project. */
  teamId: z.uuid().nullable().optional(),
  /** Participants of the stream; with a team, defaults to the team's members. */
  personIds: z.array(z.uuid()).max(20).optional(),
  supervisorUserId: z.uuid().nullable().optional(),
});
export type CreateProjectBody = z.infer<typeof CreateProjectBodySchema>;

export const UpdateProjectBodySchema = z.object({
  title: Title.optional(),
  summary: PlainTextSchema(4000).optional(),
  areas: z.array(AreaCodeSchema).min(1).max(5).optional(),
  supervisorUserId: z.uuid().nullable().optional(),
  /** A project-defence session of the stream. */
  defenceSessionId: z.uuid().nullable().optional(),
});
export type UpdateProjectBody = z.infer<typeof UpdateProjectBodySchema>;

export const ProjectListQuerySchema = PageQuerySchema.extend({
  result: DefenceResultSchema.optional(),
  area: AreaCodeSchema.optional(),
  q: PlainTextSchema(200).optional(),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;

export const ProjectListItemSchema = z.object({
  id: z.string(),
  streamId: z.string(),
  title: z.string(),
  areas: z.array(AreaCodeSchema),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  memberCount: z.number().int(),
  guestCount: z.number().int(),
  defenceResult: DefenceResultSchema,
  implementationStatus: ImplementationStatusSchema.nullable(),
});
export type ProjectListItem = z.infer<typeof ProjectListItemSchema>;
export const ProjectPageSchema = pageOf(ProjectListItemSchema);

export const AddGuestBodySchema = z.object({
  fullName: PlainTextSchema(200).pipe(z.string().min(2)),
  position: PlainTextSchema(200).default(''),
  email: z.email().max(254).nullable().optional(),
  /** The participant whose municipal team the guest is from (a member of the project). */
  hostPersonId: z.uuid().nullable().optional(),
});
export type AddGuestBody = z.infer<typeof AddGuestBodySchema>;

export const AddMilestoneBodySchema = z.object({ title: PlainTextSchema(300).pipe(z.string().min(2)), dueOn: IsoDateSchema });
export type AddMilestoneBody = z.infer<typeof AddMilestoneBodySchema>;
export const UpdateMilestoneBodySchema = z.object({ isDone: z.boolean() });

export const SetMembersBodySchema = z.object({ personIds: z.array(z.uuid()).min(1).max(20) });
export const SetPanelBodySchema = z.object({ userIds: z.array(z.uuid()).max(10) });
export const ScoresBodySchema = z.object({
  scores: z
    .array(z.object({ criterion: DefenceCriterionSchema, score: z.number().int().min(1).max(10), comment: PlainTextSchema(2000).default('') }))
    .min(1)
    .max(DEFENCE_CRITERIA.length),
});
export type ScoresBody = z.infer<typeof ScoresBodySchema>;
export const SetResultBodySchema = z.object({ result: DefenceResultSchema });
export const ImplementationBodySchema = z.object({ status: ImplementationStatusSchema, note: PlainTextSchema(2000).default('') });
export type ImplementationBody = z.infer<typeof ImplementationBodySchema>;
export const ProjectChildParamsSchema = z.object({ id: z.uuid(), childId: z.uuid() });

export const ProjectSchema = z.object({
  id: z.string(),
  streamId: z.string(),
  title: z.string(),
  summary: z.string(),
  areas: z.array(AreaCodeSchema),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  supervisorUserId: z.string().nullable(),
  supervisorName: z.string().nullable(),
  members: z.array(z.object({ personId: z.string(), fullName: z.string(), regionCode: z.string().nullable(), municipalityName: z.string().nullable() })),
  guests: z.array(z.object({ id: z.string(), fullName: z.string(), position: z.string(), email: z.string().nullable(), hostPersonId: z.string().nullable() })),
  milestones: z.array(z.object({ id: z.string(), title: z.string(), dueOn: z.string(), doneAt: z.string().nullable() })),
  documents: z.array(z.object({ id: z.string(), fileName: z.string(), kind: z.string(), sizeBytes: z.number().int(), createdAt: z.string() })),
  defence: z.object({
    sessionId: z.string().nullable(),
    sessionTitle: z.string().nullable(),
    sessionStartsAt: z.string().nullable(),
    result: DefenceResultSchema,
    decidedAt: z.string().nullable(),
    panel: z.array(z.object({ userId: z.string(), displayName: z.string() })),
    /** Each criterion's mean over the panel (1–10), null before any score. */
    averages: z.array(z.object({ criterion: DefenceCriterionSchema, mean: z.number().nullable() })),
    /** Individual scores: staff see all, a panel member their own; others none. */
    scores: z.array(z.object({ panelUserId: z.string(), criterion: DefenceCriterionSchema, score: z.number().int(), comment: z.string() })),
  }),
  implementation: z.array(z.object({ status: ImplementationStatusSchema, note: z.string(), updatedBy: z.string().nullable(), createdAt: z.string() })),
  can: z.object({ edit: z.boolean(), manage: z.boolean(), score: z.boolean(), updateImplementation: z.boolean() }),
});
export type Project = z.infer<typeof ProjectSchema>;

export const ProjectDocumentSchema = z.object({ id: z.string(), fileName: z.string(), kind: z.string(), sizeBytes: z.number().int(), createdAt: z.string() });

export const MyProjectsSchema = z.object({
  items: z.array(z.object({ projectId: z.string(), title: z.string(), streamId: z.string(), defenceResult: DefenceResultSchema })),
});
export type MyProjects = z.infer<typeof MyProjectsSchema>;

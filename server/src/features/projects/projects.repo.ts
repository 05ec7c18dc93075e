import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  enrolments,
  municipalities,
  people,
  projectDefenceScores,
  projectDocuments,
  projectGuests,
  projectImplementationUpdates,
  projectMembers,
  projectMilestones,
  projectPanelMembers,
  projects,
  scheduleModules,
  scheduleSessions,
  teamMembers,
  teams,
  users,
} from '../../db/schema/index.ts';

export type Executor = Pick<Database, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete'>;

const fullName = sql<string>`concat_ws(' ', ${people.lastName}, ${people.firstName}, ${people.middleName})`;

/** Projects and everything hanging off them (members, guests, milestones, documents, defence, implementation). */
export function createProjectsRepo(db: Executor) {
  return {
    async listStreamProjects(streamId: string) {
      return db
        .select({ project: projects, teamName: teams.name, tutorUserId: teams.tutorUserId })
        .from(projects)
        .leftJoin(teams, eq(teams.id, projects.teamId))
        .where(eq(projects.streamId, streamId))
        .orderBy(asc(projects.title), asc(projects.id));
    },
    async findProject(id: string) {
      const [row] = await db
        .select({ project: projects, teamName: teams.name, tutorUserId: teams.tutorUserId, supervisorName: users.displayName })
        .from(projects)
        .leftJoin(teams, eq(teams.id, projects.teamId))
        .leftJoin(users, eq(users.id, projects.supervisorUserId))
        .where(eq(projects.id, id));
      return row ?? null;
    },
    /** Members of the given projects with where they come from (for visibility and for the page). */
    async listMembers(projectIds: string[]) {
      if (projectIds.length === 0) return [];
      return db
        .select({ projectId: projectMembers.projectId, personId: people.id, fullName, regionCode: people.regionCode, municipalityName: municipalities.name })
        .from(projectMembers)
        .innerJoin(people, eq(people.id, projectMembers.personId))
        .leftJoin(municipalities, eq(municipalities.id, people.municipalityId))
        .where(inArray(projectMembers.projectId, projectIds))
        .orderBy(asc(people.lastName), asc(people.firstName));
    },
    async listPanel(projectIds: string[]) {
      if (projectIds.length === 0) return [];
      return db
        .select({ projectId: projectPanelMembers.projectId, userId: users.id, displayName: users.displayName })
        .from(projectPanelMembers)
        .innerJoin(users, eq(users.id, projectPanelMembers.userId))
        .where(inArray(projectPanelMembers.projectId, projectIds))
        .orderBy(asc(users.displayName));
    },
    async countGuests(projectIds: string[]) {
      if (projectIds.length === 0) return [];
      return db.select({ projectId: projectGuests.projectId, n: sql<number>`count(*)::int` }).from(projectGuests).where(inArray(projectGuests.projectId, projectIds)).groupBy(projectGuests.projectId);
    },
    /** The latest implementation status per project. */
    async latestImplementation(projectIds: string[]) {
      if (projectIds.length === 0) return [];
      return db
        .select({ projectId: projectImplementationUpdates.projectId, status: projectImplementationUpdates.status })
        .from(projectImplementationUpdates)
        .where(inArray(projectImplementationUpdates.projectId, projectIds))
        .orderBy(projectImplementationUpdates.projectId, desc(projectImplementationUpdates.createdAt))
        .then((rows) => {
          const seen = new Set<string>();
          return rows.filter((r) => (seen.has(r.projectId) ? false : (seen.add(r.projectId), true)));
        });
    },
    async listGuests(projectId: string) {
      return db.select().from(projectGuests).where(eq(projectGuests.projectId, projectId)).orderBy(asc(projectGuests.createdAt));
    },
    async listMilestones(projectId: string) {
      return db.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId)).orderBy(asc(projectMilestones.dueOn), asc(projectMilestones.id));
    },
    async listDocuments(projectId: string) {
      return db
        .select({ id: projectDocuments.id, fileName: projectDocuments.fileName, kind: projectDocuments.kind, sizeBytes: projectDocuments.sizeBytes, createdAt: projectDocuments.createdAt })
        .from(projectDocuments)
        .where(eq(projectDocuments.projectId, projectId))
        .orderBy(desc(projectDocuments.createdAt));
    },
    async findDocument(projectId: string, id: string) {
      const [row] = await db.select().from(projectDocuments).where(and(eq(projectDocuments.projectId, projectId), eq(projectDocuments.id, id)));
      return row ?? null;
    },
    async listScores(projectId: string) {
      return db.select().from(projectDefenceScores).where(eq(projectDefenceScores.projectId, projectId));
    },
    async listImplementation(projectId: string) {
      return db
        .select({ status: projectImplementationUpdates.status, note: projectImplementationUpdates.note, updatedBy: users.displayName, createdAt: projectImplementationUpdates.createdAt })
        .from(projectImplementationUpdates)
        .leftJoin(users, eq(users.id, projectImplementationUpdates.updatedByUserId))
        .where(eq(projectImplementationUpdates.projectId, projectId))
        .orderBy(desc(projectImplementationUpdates.createdAt));
    },
    async findSession(id: string) {
      const [row] = await db
        .select({ id: scheduleSessions.id, titleRu: scheduleSessions.titleRu, titleEn: scheduleSessions.titleEn, startsAt: scheduleSessions.startsAt, kind: scheduleSessions.kind, streamId: scheduleModules.streamId })
        .from(scheduleSessions)
        .innerJoin(scheduleModules, eq(scheduleModules.id, scheduleSessions.moduleId))
        .where(eq(scheduleSessions.id, id));
      return row ?? null;
    },
    /** Of the given people, those enrolled (not withdrawn) in the stream. */
    async enrolledAmong(streamId: string, personIds: string[]) {
      if (personIds.length === 0) return new Set<string>();
      const rows = await db
        .select({ personId: enrolments.personId })
        .from(enrolments)
        .where(and(eq(enrolments.streamId, streamId), inArray(enrolments.personId, personIds), ne(enrolments.status, 'withdrawn')));
      return new Set(rows.map((r) => r.personId));
    },
    /** Of the given people, those already on a project of the stream other than `exceptProjectId`. */
    async takenAmong(streamId: string, personIds: string[], exceptProjectId: string | null) {
      if (personIds.length === 0) return new Set<string>();
      const rows = await db
        .select({ personId: projectMembers.personId })
        .from(projectMembers)
        .where(and(eq(projectMembers.streamId, streamId), inArray(projectMembers.personId, personIds), exceptProjectId ? ne(projectMembers.projectId, exceptProjectId) : undefined));
      return new Set(rows.map((r) => r.personId));
    },
    async teamMemberIds(streamId: string, teamId: string) {
      const rows = await db.select({ personId: teamMembers.personId }).from(teamMembers).innerJoin(teams, eq(teams.id, teamMembers.teamId)).where(and(eq(teams.id, teamId), eq(teams.streamId, streamId)));
      return rows.map((r) => r.personId);
    },
    async teamInStream(streamId: string, teamId: string) {
      const [row] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, teamId), eq(teams.streamId, streamId)));
      return Boolean(row);
    },
    async insertProject(values: typeof projects.$inferInsert) {
      const [row] = await db.insert(projects).values(values).returning({ id: projects.id });
      return row!;
    },
    async updateProject(id: string, values: Partial<typeof projects.$inferInsert>) {
      await db.update(projects).set({ ...values, updatedAt: new Date() }).where(eq(projects.id, id));
    },
    async setMembers(projectId: string, streamId: string, personIds: string[]) {
      await db.delete(projectMembers).where(eq(projectMembers.projectId, projectId));
      if (personIds.length > 0) await db.insert(projectMembers).values(personIds.map((personId) => ({ projectId, personId, streamId })));
    },
    async insertGuest(values: typeof projectGuests.$inferInsert) {
      const [row] = await db.insert(projectGuests).values(values).returning({ id: projectGuests.id });
      return row!;
    },
    async deleteGuest(projectId: string, id: string) {
      const rows = await db.delete(projectGuests).where(and(eq(projectGuests.projectId, projectId), eq(projectGuests.id, id))).returning({ id: projectGuests.id });
      return rows.length > 0;
    },
    async insertMilestone(values: typeof projectMilestones.$inferInsert) {
      const [row] = await db.insert(projectMilestones).values(values).returning({ id: projectMilestones.id });
      return row!;
    },
    async setMilestoneDone(projectId: string, id: string, doneAt: Date | null) {
      const rows = await db.update(projectMilestones).set({ doneAt }).where(and(eq(projectMilestones.projectId, projectId), eq(projectMilestones.id, id))).returning({ id: projectMilestones.id });
      return rows.length > 0;
    },
    async insertDocument(values: typeof projectDocuments.$inferInsert) {
      const [row] = await db.insert(projectDocuments).values(values).returning({ id: projectDocuments.id, fileName: projectDocuments.fileName, kind: projectDocuments.kind, sizeBytes: projectDocuments.sizeBytes, createdAt: projectDocuments.createdAt });
      return row!;
    },
    async setPanel(projectId: string, userIds: string[]) {
      await db.delete(projectPanelMembers).where(eq(projectPanelMembers.projectId, projectId));
      if (userIds.length > 0) await db.insert(projectPanelMembers).values(userIds.map((userId) => ({ projectId, userId })));
    },
    async upsertScores(projectId: string, panelUserId: string, scores: { criterion: string; score: number; comment: string }[]) {
      await db
        .insert(projectDefenceScores)
        .values(scores.map((s) => ({ projectId, panelUserId, ...s })))
        .onConflictDoUpdate({
          target: [projectDefenceScores.projectId, projectDefenceScores.panelUserId, projectDefenceScores.criterion],
          set: { score: sql`excluded.score`, comment: sql`excluded.comment`, updatedAt: new Date() },
        });
    },
    async insertImplementation(values: typeof projectImplementationUpdates.$inferInsert) {
      await db.insert(projectImplementationUpdates).values(values);
    },
    async listProjectsOfPerson(personId: string) {
      return db
        .select({ projectId: projects.id, title: projects.title, streamId: projects.streamId, defenceResult: projects.defenceResult })
        .from(projectMembers)
        .innerJoin(projects, eq(projects.id, projectMembers.projectId))
        .where(eq(projectMembers.personId, personId));
    },
  };
}

export type ProjectsRepo = ReturnType<typeof createProjectsRepo>;

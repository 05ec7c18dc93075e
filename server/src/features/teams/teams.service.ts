import type { Diversity, MyTeams, StreamTeams, Team, TeamCommitBody, TeamPreview, TeamPreviewBody, TutorOption, UpdateTeamBody, MoveMemberBody } from '@ms/contracts/teams';
import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { streams } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/access.ts';
import { recordAudit, type AuditBuffer } from '../../lib/audit.ts';
import { AppError, forbidden, notFound, type FieldProblem } from '../../lib/errors.ts';
import { resolveStreamAccess, type StreamAccess } from './stream-access.ts';
import { compareWithRandomSplits, countRegionClashes, generateTeams, minimumRegionClashes, scoreDiversity, type Candidate } from './team-generation.ts';
import { canManageTeams, canReadTeam } from './teams.policy.ts';
import { toCandidate, toTeamMember } from './teams.present.ts';
import { createTeamsRepo, type CandidateRow } from './teams.repo.ts';

type Locale = 'ru' | 'en';
const invalid = (fields: FieldProblem[]) => new AppError('validation', { fields });

function diversityOf(split: Candidate[][], seed: number): Diversity {
  const score = scoreDiversity(split);
  const baseline = compareWithRandomSplits(split.flat(), split.map((t) => t.length), score, seed);
  return { score, ...baseline, regionClashes: countRegionClashes(split), minimumRegionClashes: minimumRegionClashes(split.flat(), split.length) };
}

/** Team generation (preview, then commit), hand edits, team pages and tutors. */
export function createTeamsService(deps: { db: Database; auditBuffer?: AuditBuffer }) {
  const repo = createTeamsRepo(deps.db);

  async function manageAccess(actor: Actor, streamId: string): Promise<StreamAccess> {
    const access = await resolveStreamAccess(deps.db, actor, streamId);
    if (!canManageTeams(access)) throw forbidden();
    return access;
  }

  /** Every team of the stream with members, plus the roster rows by id. */
  async function loadStream(access: StreamAccess, locale: Locale) {
    const [candidates, list, memberships] = await Promise.all([
      repo.listCandidates(access.streamId, access.startsOn),
      repo.listTeams(access.streamId),
      repo.listMemberships(access.streamId),
    ]);
    const byId = new Map(candidates.map((c) => [c.personId, c]));
    const membersOf = new Map<string, CandidateRow[]>();
    for (const m of memberships) {
      const row = byId.get(m.personId);
      if (row) membersOf.set(m.teamId, [...(membersOf.get(m.teamId) ?? []), row]);
    }
    const teams: Team[] = list.map((t) => {
      const rows = membersOf.get(t.id) ?? [];
      // Ages are for those who build teams; team-mates see names and places only.
      const members = rows.map((r) => toTeamMember(r, locale)).map((m) => (access.isStaff ? m : { ...m, age: null }));
      return { ...t, members, regionClashes: countRegionClashes([rows.map(toCandidate)]) };
    });
    const placed = new Set(memberships.map((m) => m.personId));
    return { candidates, teams, membersOf, unassigned: candidates.filter((c) => !placed.has(c.personId)) };
  }

  function readable(actor: Actor, access: StreamAccess, team: Team): boolean {
    return canReadTeam(actor, access, { tutorUserId: team.tutorUserId, memberIds: team.members.map((m) => m.personId), memberRegions: team.members.map((m) => m.regionCode) });
  }

  async function teamFor(actor: Actor, id: string, locale: Locale) {
    const row = await repo.findTeam(id);
    if (!row) throw notFound();
    const access = await resolveStreamAccess(deps.db, actor, row.streamId);
    const { teams } = await loadStream(access, locale);
    const team = teams.find((t) => t.id === id)!;
    if (!readable(actor, access, team)) throw notFound();
    return { access, team };
  }

  async function checkTutor(access: StreamAccess, userId: string | null | undefined): Promise<void> {
    if (!userId) return;
    const options = await repo.listTutorOptions(access.path);
    if (!options.some((o) => o.userId === userId)) throw invalid([{ path: 'body.tutorUserId', key: 'teams.not_tutor' }]);
  }

  return {
    async listStreamTeams(actor: Actor, streamId: string, locale: Locale): Promise<StreamTeams> {
      const access = await resolveStreamAccess(deps.db, actor, streamId);
      const { teams, membersOf, unassigned } = await loadStream(access, locale);
      const isStaff = canManageTeams(access);
      const split = teams.map((t) => (membersOf.get(t.id) ?? []).map(toCandidate));
      const items = teams.filter((t) => readable(actor, access, t));
      deps.auditBuffer?.record({ actor, action: 'teams.read', entity: 'stream', entityId: streamId, details: { teams: items.length } });
      return {
        items,
        unassigned: isStaff ? unassigned.map((r) => toTeamMember(r, locale)) : [],
        diversity: isStaff && split.length > 0 && split.flat().length > 0 ? diversityOf(split, 1) : null,
        canManage: isStaff,
      };
    },

    /** Generates teams without saving them: what staff look at before committing. */
    async previewTeams(actor: Actor, streamId: string, body: TeamPreviewBody, locale: Locale): Promise<TeamPreview> {
      const access = await manageAccess(actor, streamId);
      if (body.minSize > body.maxSize) throw invalid([{ path: 'body.minSize', key: 'teams.size_bounds' }]);
      const candidates = await repo.listCandidates(streamId, access.startsOn);
      if (candidates.length === 0) throw invalid([{ path: 'streamId', key: 'teams.no_participants' }]);
      const byId = new Map(candidates.map((c) => [c.personId, c]));
      const ids = generateTeams(candidates.map(toCandidate), { seed: body.seed, minSize: body.minSize, maxSize: body.maxSize });
      const split = ids.map((team) => team.map((id) => toCandidate(byId.get(id)!)));
      return {
        seed: body.seed,
        teams: ids.map((team, i) => ({
          name: locale === 'en' ? `Team ${i + 1}` : `Команда ${i + 1}`,
          members: team.map((id) => toTeamMember(byId.get(id)!, locale)),
          regionClashes: countRegionClashes([split[i]!]),
        })),
        diversity: diversityOf(split, body.seed),
      };
    },

    /** Saves a split (usually a preview, possibly edited) as the stream's teams, replacing any before. */
    async commitTeams(actor: Actor, streamId: string, body: TeamCommitBody, locale: Locale): Promise<StreamTeams> {
      const access = await manageAccess(actor, streamId);
      const candidates = await repo.listCandidates(streamId, access.startsOn);
      const enrolled = new Set(candidates.map((c) => c.personId));
      const seen = new Set<string>();
      const names = new Set<string>();
      const problems: FieldProblem[] = [];
      body.teams.forEach((team, t) => {
        if (names.has(team.name)) problems.push({ path: `body.teams.${t}.name`, key: 'teams.duplicate_name' });
        names.add(team.name);
        team.personIds.forEach((id, p) => {
          if (!enrolled.has(id)) problems.push({ path: `body.teams.${t}.personIds.${p}`, key: 'teams.not_enrolled' });
          else if (seen.has(id)) problems.push({ path: `body.teams.${t}.personIds.${p}`, key: 'teams.placed_twice' });
          seen.add(id);
        });
      });
      const left = candidates.filter((c) => !seen.has(c.personId)).length;
      if (left > 0) problems.push({ path: 'body.teams', key: 'teams.unplaced', params: { count: left } });
      if (problems.length > 0) throw invalid(problems.slice(0, 50));
      await deps.db.transaction(async (tx) => {
        await createTeamsRepo(tx).replaceTeams(streamId, body.seed, body.teams);
        await recordAudit(tx, { actor, action: 'teams.commit', entity: 'stream', entityId: streamId, details: { teams: body.teams.length, seed: body.seed } });
      });
      return this.listStreamTeams(actor, streamId, locale);
    },

    async getTeam(actor: Actor, id: string, locale: Locale): Promise<Team> {
      const { team } = await teamFor(actor, id, locale);
      deps.auditBuffer?.record({ actor, action: 'team.read', entity: 'team', entityId: id });
      return team;
    },

    async updateTeam(actor: Actor, id: string, body: UpdateTeamBody, locale: Locale): Promise<Team> {
      const { access } = await teamFor(actor, id, locale);
      if (!canManageTeams(access)) throw forbidden();
      if (body.name !== undefined && (await repo.isTeamName(access.streamId, body.name, id))) throw invalid([{ path: 'body.name', key: 'teams.duplicate_name' }]);
      await checkTutor(access, body.tutorUserId);
      await deps.db.transaction(async (tx) => {
        await createTeamsRepo(tx).updateTeam(id, { name: body.name, tutorUserId: body.tutorUserId });
        await recordAudit(tx, { actor, action: 'team.update', entity: 'team', entityId: id, details: { fields: Object.keys(body) } });
      });
      return (await teamFor(actor, id, locale)).team;
    },

    /** Moves a participant of the stream into this team (from wherever they were). */
    async moveMember(actor: Actor, id: string, body: MoveMemberBody, locale: Locale): Promise<Team> {
      const { access } = await teamFor(actor, id, locale);
      if (!canManageTeams(access)) throw forbidden();
      const candidates = await repo.listCandidates(access.streamId, access.startsOn);
      if (!candidates.some((c) => c.personId === body.personId)) throw invalid([{ path: 'body.personId', key: 'teams.not_enrolled' }]);
      await deps.db.transaction(async (tx) => {
        await createTeamsRepo(tx).moveMember(id, access.streamId, body.personId);
        await recordAudit(tx, { actor, action: 'team.move_member', entity: 'team', entityId: id, details: { personId: body.personId } });
      });
      return (await teamFor(actor, id, locale)).team;
    },

    async tutorOptions(actor: Actor, streamId: string): Promise<{ items: TutorOption[] }> {
      const access = await manageAccess(actor, streamId);
      return { items: await repo.listTutorOptions(access.path) };
    },

    /** The signed-in person's teams, newest stream first. */
    async myTeams(actor: Actor, locale: Locale): Promise<MyTeams> {
      if (!actor.personId) return { items: [] };
      const rows = await repo.listTeamsOfPerson(actor.personId);
      if (rows.length === 0) return { items: [] };
      const names = await deps.db.select({ id: streams.id, nameRu: streams.nameRu, nameEn: streams.nameEn }).from(streams).where(inArray(streams.id, rows.map((r) => r.streamId)));
      const nameOf = new Map(names.map((n) => [n.id, locale === 'en' ? n.nameEn : n.nameRu]));
      return { items: rows.map((r) => ({ ...r, streamName: nameOf.get(r.streamId) ?? '' })) };
    },
  };
}

export type TeamsService = ReturnType<typeof createTeamsService>;

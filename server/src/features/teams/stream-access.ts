import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { enrolments } from '../../db/schema/index.ts';
import { coordinatorRegionsAt, hasRoleAt, isStaffAt, type Actor, type ScopePath } from '../../lib/access.ts';
import { notFound } from '../../lib/errors.ts';
import { createProgrammesRepo } from '../programmes/programmes.repo.ts';

/** What an actor is within one stream; teams, improvements and projects decide from it. */
export interface StreamAccess {
  streamId: string;
  startsOn: string;
  path: Required<ScopePath>;
  isStaff: boolean;
  /** Regions of a coordinator's grant covering the stream; null when not a coordinator here. */
  coordinatorRegions: string[] | null;
  /** An expert grant covers the stream (they may be named tutor, supervisor or panel member). */
  isExpert: boolean;
  /** The actor's person is enrolled (not withdrawn) in the stream. */
  isEnrolled: boolean;
  /** Enrolled and graduated, or holding an alumnus grant covering the stream. */
  isAlumnus: boolean;
  personId: string | null;
}

/**
 * Resolves the actor's standing in the stream. An unknown stream, and a stream the actor has nothing to
 * do with, both answer 404 so that ids reveal nothing.
 */
export async function resolveStreamAccess(db: Database, actor: Actor, streamId: string): Promise<StreamAccess> {
  const stream = await createProgrammesRepo(db).findStreamPath(streamId);
  if (!stream) throw notFound();
  const path = { organisationId: stream.organisationId, programmeId: stream.programmeId, streamId: stream.streamId };
  const isStaff = isStaffAt(actor, path);
  const coordinatorRegions = isStaff ? null : coordinatorRegionsAt(actor, path);
  const isExpert = hasRoleAt(actor, ['expert'], path);
  let status: string | null = null;
  if (actor.personId) {
    const [row] = await db
      .select({ status: enrolments.status })
      .from(enrolments)
      .where(and(eq(enrolments.personId, actor.personId), eq(enrolments.streamId, streamId), ne(enrolments.status, 'withdrawn')));
    status = row?.status ?? null;
  }
  const isEnrolled = status !== null;
  const isAlumnus = status === 'graduated' || (isEnrolled && hasRoleAt(actor, ['alumnus'], path));
  if (!isStaff && !coordinatorRegions && !isExpert && !isEnrolled) throw notFound();
  return { streamId, startsOn: stream.startsOn, path, isStaff, coordinatorRegions, isExpert, isEnrolled, isAlumnus, personId: actor.personId };
}

/** A visit that runs at the same time as others of its module, with its capacity (null: no limit). */
export interface ParallelVisit {
  id: string;
  capacity: number | null;
}

/**
 * Splits people among parallel visits: each visit gets a share proportional to its capacity (an
 * unlimited visit counts as the largest limit, or an equal share when none has one), never more than
 * its capacity, and people are dealt in turn so that consecutive people (same region, by the caller's
 * order) land in different groups. Returns who goes where and who did not fit.
 */
export function splitAmongVisits(personIds: string[], visits: ParallelVisit[]): { assigned: Map<string, string[]>; unplaced: string[] } {
  const assigned = new Map(visits.map((v) => [v.id, [] as string[]]));
  if (visits.length === 0) return { assigned, unplaced: [...personIds] };
  const limits = visits.map((v) => v.capacity ?? Number.POSITIVE_INFINITY);
  const finite = limits.filter(Number.isFinite);
  const weight = (limit: number) => (Number.isFinite(limit) ? limit : finite.length > 0 ? Math.max(...finite) : 1);
  const totalWeight = limits.reduce((sum, limit) => sum + weight(limit), 0);
  // Target sizes by largest remainder, capped by capacity.
  const exact = limits.map((limit) => (personIds.length * weight(limit)) / totalWeight);
  const targets = exact.map((x, i) => Math.min(Math.floor(x), limits[i]!));
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = personIds.length - targets.reduce((a, b) => a + b, 0);
  // Hand out what rounding and full visits left over, largest remainder first, while any visit has room.
  let hasRoom = true;
  while (left > 0 && hasRoom) {
    hasRoom = false;
    for (const { i } of order) {
      if (left > 0 && targets[i]! < limits[i]!) {
        targets[i]! += 1;
        left -= 1;
        hasRoom = true;
      }
    }
  }
  const unplaced: string[] = [];
  let cursor = 0;
  for (const personId of personIds) {
    let placed = false;
    for (let step = 0; step < visits.length; step += 1) {
      const i = (cursor + step) % visits.length;
      const list = assigned.get(visits[i]!.id)!;
      if (list.length < targets[i]!) {
        list.push(personId);
        cursor = i + 1;
        placed = true;
        break;
      }
    }
    if (!placed) unplaced.push(personId);
  }
  return { assigned, unplaced };
}

/** Groups visits that overlap in time: people are split within a group, and may join one visit of each. */
export function groupParallel<T extends { startsAt: Date; endsAt: Date }>(visits: T[]): T[][] {
  const groups: Array<{ endsAt: number; items: T[] }> = [];
  for (const visit of [...visits].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const last = groups.at(-1);
    if (last && visit.startsAt.getTime() < last.endsAt) {
      last.items.push(visit);
      last.endsAt = Math.max(last.endsAt, visit.endsAt.getTime());
    } else groups.push({ endsAt: visit.endsAt.getTime(), items: [visit] });
  }
  return groups.map((g) => g.items);
}

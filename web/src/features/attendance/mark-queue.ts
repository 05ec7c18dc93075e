import type { AttendanceStatus } from '@ms/contracts/schedule-attendance';

/** One roll-call mark waiting on this device; `clientMarkId` makes a repeated sync harmless. */
export interface QueuedMark {
  clientMarkId: string;
  personId: string;
  status: AttendanceStatus;
  markedAt: string;
}

const keyFor = (sessionId: string) => `ms.roll-call.${sessionId}`;

function isQueuedMark(value: unknown): value is QueuedMark {
  const v = value as Partial<QueuedMark> | null;
  return typeof v?.clientMarkId === 'string' && typeof v.personId === 'string' && typeof v.status === 'string' && typeof v.markedAt === 'string';
}

/** The session's queue as stored on this device (an unreadable entry is an empty queue, never a crash). */
export function readQueue(storage: Storage, sessionId: string): QueuedMark[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(keyFor(sessionId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isQueuedMark) : [];
  } catch {
    return [];
  }
}

export function writeQueue(storage: Storage, sessionId: string, marks: readonly QueuedMark[]): void {
  if (marks.length === 0) storage.removeItem(keyFor(sessionId));
  else storage.setItem(keyFor(sessionId), JSON.stringify(marks));
}

/**
 * Adds a mark; an unsent earlier mark of the same person is replaced (the server keeps the latest
 * markedAt anyway, so the older one would change nothing). A mark already being sent keeps its id, so
 * the reply removes it and the newer one stays queued.
 */
export function enqueueMark(queue: readonly QueuedMark[], mark: QueuedMark, inFlight: ReadonlySet<string> = new Set()): QueuedMark[] {
  return [...queue.filter((m) => m.personId !== mark.personId || inFlight.has(m.clientMarkId)), mark];
}

/** The queue without the marks the server has answered for (applied, unchanged or rejected). */
export function removeMarks(queue: readonly QueuedMark[], answered: ReadonlySet<string>): QueuedMark[] {
  return queue.filter((m) => !answered.has(m.clientMarkId));
}

/** Each person's latest queued status: what the sheet shows until the server has it. */
export function pendingStatuses(queue: readonly QueuedMark[]): Map<string, AttendanceStatus> {
  const latest = new Map<string, QueuedMark>();
  for (const mark of queue) {
    const seen = latest.get(mark.personId);
    if (!seen || seen.markedAt <= mark.markedAt) latest.set(mark.personId, mark);
  }
  return new Map([...latest].map(([personId, mark]) => [personId, mark.status]));
}

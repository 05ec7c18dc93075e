import type { Actor } from '../../lib/access.ts';
import type { ChangeFeed } from '../../lib/change-feed.ts';
import type { Locale } from '../../lib/messages.ts';

/** A resolved session as every request needs it. */
export interface ResolvedSession {
  actor: Actor;
  locale: Locale;
  sessionId: string;
}

interface Entry {
  resolved: ResolvedSession;
  userId: string;
  expiresAt: number;
  /** The last activity this process knows of; another process's activity only makes it older, never younger. */
  lastSeenAt: number;
}

export interface SessionCache {
  /** The cached session if it is certainly still live at `now`; null sends the caller to the database. */
  get: (sessionId: string, now: number, idleMs: number) => (Entry & { isTouchDue: (touchMs: number) => boolean }) | null;
  /** Take before reading a session from the database and hand to `put`: a change seen meanwhile cancels the put. */
  generation: () => number;
  put: (resolved: ResolvedSession, timing: { expiresAt: number; lastSeenAt: number }, readSince: number) => void;
  markSeen: (sessionId: string, at: number) => void;
  forgetSession: (sessionId: string) => void;
  forgetUser: (userId: string) => void;
}

const CHANNEL = 'ms_auth';

/**
 * Signed-in requests skip the session query while the change feed is live. Correctness rests on the
 * triggers of migration 0010: a sign-out, a deleted or deactivated user or a changed grant NOTIFYs
 * `ms_auth`, and every process forgets that user's sessions; this process also forgets synchronously on
 * its own sign-outs. Expiry and idle timeouts are checked here on every hit. Bounded: the oldest entry
 * goes first (Map keeps insertion order).
 */
export function createSessionCache(feed: ChangeFeed, options: { maxEntries?: number } = {}): SessionCache {
  const maxEntries = options.maxEntries ?? 20_000;
  const entries = new Map<string, Entry>();
  const byUser = new Map<string, Set<string>>();
  // Bumped by every notification and reset: a database read that started before a change may hold the
  // old grants, and must not be cached once the change has been announced.
  let generation = 0;

  const drop = (sessionId: string) => {
    const entry = entries.get(sessionId);
    if (!entry) return;
    entries.delete(sessionId);
    const ids = byUser.get(entry.userId);
    ids?.delete(sessionId);
    if (ids?.size === 0) byUser.delete(entry.userId);
  };
  const forgetUser = (userId: string) => {
    generation += 1;
    for (const id of byUser.get(userId) ?? []) entries.delete(id);
    byUser.delete(userId);
  };
  const clear = () => {
    generation += 1;
    entries.clear();
    byUser.clear();
  };
  feed.listen(CHANNEL, { onChange: forgetUser, onReset: clear });

  return {
    get(sessionId, now, idleMs) {
      if (!feed.isLive()) return null;
      const entry = entries.get(sessionId);
      if (!entry) return null;
      if (now >= entry.expiresAt || now - entry.lastSeenAt >= idleMs) {
        drop(sessionId);
        return null;
      }
      return { ...entry, isTouchDue: (touchMs) => now - entry.lastSeenAt > touchMs };
    },
    generation: () => generation,
    put(resolved, timing, readSince) {
      if (!feed.isLive() || readSince !== generation) return;
      const userId = resolved.actor.userId!;
      drop(resolved.sessionId);
      if (entries.size >= maxEntries) drop(entries.keys().next().value!);
      entries.set(resolved.sessionId, { resolved, userId, ...timing });
      byUser.set(userId, (byUser.get(userId) ?? new Set()).add(resolved.sessionId));
    },
    markSeen(sessionId, at) {
      const entry = entries.get(sessionId);
      if (entry) entry.lastSeenAt = at;
    },
    // A session ended here (sign-out) also bumps the generation: a read of it still in flight must
    // neither be cached nor shared with a later request.
    forgetSession: (sessionId) => {
      generation += 1;
      drop(sessionId);
    },
    forgetUser,
  };
}

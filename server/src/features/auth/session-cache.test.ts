import { describe, expect, it } from 'vitest';
import type { ChangeFeed, ChangeListener } from '../../lib/change-feed.ts';
import { createSessionCache, type ResolvedSession } from './session-cache.ts';

/** A feed whose notifications and liveness the test drives by hand. */
function manualFeed() {
  let listener: ChangeListener | null = null;
  let isLive = true;
  const feed: ChangeFeed = {
    isLive: () => isLive,
    listen: (_channel, l) => {
      listener = l;
    },
    start: async () => undefined,
    close: async () => undefined,
  };
  return {
    feed,
    notify: (userId: string) => listener!.onChange(userId),
    drop: () => {
      isLive = false;
      listener!.onReset();
    },
  };
}

const session = (sessionId: string, userId: string): ResolvedSession => ({
  sessionId,
  locale: 'ru',
  actor: { userId, email: `${userId}@example.org`, personId: null, grants: [] },
});
const NOW = 1_000_000;
const IDLE = 60_000;
const timing = { expiresAt: NOW + 10 * IDLE, lastSeenAt: NOW };

describe('session cache', () => {
  it('serves a put session until its user is announced as changed', () => {
    const { feed, notify } = manualFeed();
    const cache = createSessionCache(feed);
    cache.put(session('s1', 'u1'), timing, cache.generation());
    cache.put(session('s2', 'u2'), timing, cache.generation());
    expect(cache.get('s1', NOW, IDLE)?.resolved.actor.userId).toBe('u1');
    notify('u1');
    expect(cache.get('s1', NOW, IDLE)).toBeNull();
    expect(cache.get('s2', NOW, IDLE)?.resolved.actor.userId).toBe('u2');
  });

  it('refuses to cache a read that started before a change was announced', () => {
    const { feed, notify } = manualFeed();
    const cache = createSessionCache(feed);
    const readSince = cache.generation();
    notify('u1');
    cache.put(session('s1', 'u1'), timing, readSince);
    expect(cache.get('s1', NOW, IDLE)).toBeNull();
  });

  it('refuses to cache a read of a session that was signed out here while the read was in flight', () => {
    const { feed } = manualFeed();
    const cache = createSessionCache(feed);
    const readSince = cache.generation();
    cache.forgetSession('s1');
    expect(cache.generation()).not.toBe(readSince);
    cache.put(session('s1', 'u1'), timing, readSince);
    expect(cache.get('s1', NOW, IDLE)).toBeNull();
  });

  it('serves nothing while the feed is down, and forgets everything when it drops', () => {
    const { feed, drop } = manualFeed();
    const cache = createSessionCache(feed);
    cache.put(session('s1', 'u1'), timing, cache.generation());
    drop();
    expect(cache.get('s1', NOW, IDLE)).toBeNull();
    cache.put(session('s1', 'u1'), timing, cache.generation());
    expect(cache.get('s1', NOW, IDLE)).toBeNull();
  });

  it('stops serving a session at its absolute expiry and after the idle timeout', () => {
    const { feed } = manualFeed();
    const cache = createSessionCache(feed);
    cache.put(session('s1', 'u1'), { expiresAt: NOW + 1000, lastSeenAt: NOW }, cache.generation());
    expect(cache.get('s1', NOW + 999, IDLE)).not.toBeNull();
    expect(cache.get('s1', NOW + 1000, IDLE)).toBeNull();
    cache.put(session('s2', 'u1'), timing, cache.generation());
    expect(cache.get('s2', NOW + IDLE - 1, IDLE)).not.toBeNull();
    expect(cache.get('s2', NOW + IDLE, IDLE)).toBeNull();
  });

  it('keeps at most its capacity, dropping the oldest entry first', () => {
    const { feed } = manualFeed();
    const cache = createSessionCache(feed, { maxEntries: 2 });
    for (const id of ['s1', 's2', 's3']) cache.put(session(id, `u-${id}`), timing, cache.generation());
    expect(cache.get('s1', NOW, IDLE)).toBeNull();
    expect(cache.get('s3', NOW, IDLE)).not.toBeNull();
  });
});

import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AttendanceStatus } from '@ms/contracts/schedule-attendance';
import { rollCallQuery, syncMarks, type MarksBatchResult } from './attendance.api.ts';
import { enqueueMark, readQueue, removeMarks, writeQueue, type QueuedMark } from './mark-queue.ts';

const RETRY_MS = [2_000, 5_000, 15_000, 30_000];
const BATCH = 500;

/**
 * The roll-call sheet's offline queue: marks go to localStorage first (so a dead battery or a closed tab
 * loses nothing), then to the server whenever the device is online, retrying with back-off. Each mark's
 * clientMarkId makes a repeated send harmless, so "sent but the reply was lost" simply sends again.
 */
export function useMarkQueue(sessionId: string) {
  const queryClient = useQueryClient();
  const [queue, setQueue] = useState<QueuedMark[]>(() => readQueue(window.localStorage, sessionId));
  const [isOnline, setIsOnline] = useState(() => navigator.onLine);
  const [isSyncing, setIsSyncing] = useState(false);
  const [rejected, setRejected] = useState<MarksBatchResult['rejected']>([]);
  const [failures, setFailures] = useState(0);
  const inFlight = useRef<Set<string>>(new Set());

  const save = useCallback(
    (update: (current: QueuedMark[]) => QueuedMark[]) => {
      // Re-read storage each time: another tab of the same sheet may have queued or sent marks.
      const next = update(readQueue(window.localStorage, sessionId));
      writeQueue(window.localStorage, sessionId, next);
      setQueue(next);
    },
    [sessionId],
  );

  const mark = useCallback(
    (personId: string, status: AttendanceStatus) =>
      save((current) => enqueueMark(current, { clientMarkId: crypto.randomUUID(), personId, status, markedAt: new Date().toISOString() }, inFlight.current)),
    [save],
  );

  const sync = useCallback(async () => {
    if (inFlight.current.size > 0 || !navigator.onLine) return;
    const batch = readQueue(window.localStorage, sessionId).slice(0, BATCH);
    if (batch.length === 0) return;
    inFlight.current = new Set(batch.map((m) => m.clientMarkId));
    setIsSyncing(true);
    try {
      const result = await syncMarks(sessionId, batch);
      // Every mark in the batch is answered: applied, unchanged (already there) or rejected for good.
      save((current) => removeMarks(current, inFlight.current));
      setRejected(result.rejected);
      setFailures(0);
      void queryClient.invalidateQueries({ queryKey: rollCallQuery(sessionId).queryKey });
    } catch {
      setFailures((n) => n + 1);
    } finally {
      inFlight.current = new Set();
      setIsSyncing(false);
    }
  }, [queryClient, save, sessionId]);

  useEffect(() => {
    const online = () => setIsOnline(true);
    const offline = () => setIsOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, []);

  // Send whenever there is something to send and a connection; after a failure, wait longer each time.
  useEffect(() => {
    if (!isOnline || queue.length === 0 || isSyncing) return;
    const delay = failures === 0 ? 300 : RETRY_MS[Math.min(failures - 1, RETRY_MS.length - 1)]!;
    const timer = window.setTimeout(() => void sync(), delay);
    return () => window.clearTimeout(timer);
  }, [isOnline, queue, isSyncing, failures, sync]);

  return { queue, mark, sync, isOnline, isSyncing, rejected, hasFailed: failures > 0 };
}

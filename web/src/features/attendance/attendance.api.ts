import { queryOptions } from '@tanstack/react-query';
import type { CheckInResult, MarksBatchResult, RollCall, SessionQr, StreamAttendance } from '@ms/contracts/schedule-attendance';
import { get, post } from '../../api/client.ts';
import type { QueuedMark } from './mark-queue.ts';

export type { CheckInResult, MarksBatchResult, RollCall, SessionQr, StreamAttendance };

export const checkIn = (token: string) => post<CheckInResult>('/api/check-ins', { token });

export const rollCallQuery = (sessionId: string) =>
  queryOptions({ queryKey: ['roll-call', sessionId], queryFn: ({ signal }) => get<RollCall>(`/api/sessions/${sessionId}/marks`, undefined, signal) });

export const syncMarks = (sessionId: string, marks: QueuedMark[]) => post<MarksBatchResult>(`/api/sessions/${sessionId}/marks`, { marks });

export const streamAttendanceQuery = (streamId: string) =>
  queryOptions({ queryKey: ['attendance', streamId], queryFn: ({ signal }) => get<StreamAttendance>(`/api/streams/${streamId}/attendance`, undefined, signal) });

export const attendanceExportUrl = (streamId: string) => `/api/streams/${streamId}/attendance/export?format=csv`;

/** A check-in URL for the phone: scanning it with the camera app opens the check-in page with the code. */
export const checkInUrl = (origin: string, token: string) => `${origin}/check-in?token=${encodeURIComponent(token)}`;

/** What a participant pasted: the bare code, or a whole check-in URL with the code in ?token=. */
export function tokenFrom(input: string): string {
  const text = input.trim();
  try {
    const url = new URL(text);
    return url.searchParams.get('token')?.trim() ?? text;
  } catch {
    return text;
  }
}

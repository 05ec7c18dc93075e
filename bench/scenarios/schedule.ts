import { performance } from 'node:perf_hooks';
import { adminSession } from '../fixtures.ts';
import { load, report, startBenchServer } from '../harness.ts';
import { fillTimetable, streamRunningNow } from './schedule-fixtures.ts';

const SESSIONS = 10;
const PARTICIPANTS = 160;
/** Every participant arrives at a random moment of this window: the 30 s. */
const ARRIVAL_WINDOW_MS = 30_000;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

/** Check-in burst, the participant timetable against SELECT 1, and the stream iCalendar feed. */
export async function benchSchedule(): Promise<void> {
  const server = await startBenchServer();
  try {
    const admin = await adminSession(server);
    const streams: Array<Awaited<ReturnType<typeof streamRunningNow>>> = [];
    for (let i = 0; i < SESSIONS; i++) streams.push(await streamRunningNow(server, PARTICIPANTS));
    await server.handle.pool.query('analyze');

    // The session screens: each shows its code and fetches the next one when it expires, as the web page will.
    const codes = new Map<string, string>();
    let isRunning = true;
    const timers: NodeJS.Timeout[] = [];
    const showCode = async (sessionId: string): Promise<void> => {
      const response = await fetch(`${server.url}/api/sessions/${sessionId}/qr`, { headers: admin });
      const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
      codes.set(sessionId, token);
      if (isRunning) timers.push(setTimeout(() => void showCode(sessionId), Math.max(0, Date.parse(expiresAt) - Date.now()) + 20));
    };
    await Promise.all(streams.map((s) => showCode(s.sessionId)));
    const reasons = new Map<string, number>();

    const latencies: number[] = [];
    let failures = 0;
    const arrivals = streams.flatMap((s) => s.participants.map((p) => ({ sessionId: s.sessionId, p, at: Math.random() * ARRIVAL_WINDOW_MS })));
    const started = performance.now();
    await Promise.all(
      arrivals.map(async ({ sessionId, p, at }) => {
        await new Promise((resolve) => setTimeout(resolve, at));
        const t0 = performance.now();
        const response = await fetch(`${server.url}/api/check-ins`, { method: 'POST', headers: p.headers, body: JSON.stringify({ token: codes.get(sessionId) }) });
        const body = (await response.json()) as { wasAlreadyCheckedIn?: boolean; reason?: string };
        latencies.push(performance.now() - t0);
        if (response.status !== 200 || body.wasAlreadyCheckedIn !== false) {
          failures++;
          reasons.set(body.reason ?? String(response.status), (reasons.get(body.reason ?? String(response.status)) ?? 0) + 1);
        }
      }),
    );
    const elapsed = performance.now() - started;
    isRunning = false;
    timers.forEach(clearTimeout);
    if (failures > 0) process.stdout.write(`      refused: ${JSON.stringify(Object.fromEntries(reasons))}\n`);
    const ids = streams.map((s) => s.sessionId);
    const { rows: [count] } = await server.handle.pool.query<{ marks: number; distinct: number }>(
      'select count(*)::int as marks, count(distinct (session_id, person_id))::int as distinct from attendance_marks where session_id = any($1::uuid[])',
      [ids],
    );
    const p99 = percentile(latencies, 99);
    report(`check-in burst: ${arrivals.length} check-ins in ${(elapsed / 1000).toFixed(1)} s, p99`, `${p99.toFixed(1)} ms (p50 ${percentile(latencies, 50).toFixed(1)} ms)`, '≤ 100 ms', p99 <= 100 && failures === 0);
    report('check-in burst: recorded exactly once', `${count!.marks} marks, ${count!.distinct} distinct, ${failures} failed`, `${arrivals.length}`, count!.marks === arrivals.length && count!.distinct === arrivals.length && failures === 0);

    // Participant timetable: a stream with six modules of 20 sessions each.
    const first = streams[0]!;
    await fillTimetable(server, first.streamId, first.moduleId, 20);
    const participant = first.participants[0]!.headers;
    const sample = await fetch(`${server.url}/api/me/timetable`, { headers: participant });
    const items = ((await sample.json()) as { items: unknown[] }).items.length;
    await load(`${server.url}/api/bench/select-1`, { connections: 10, seconds: 2 });
    const baseline = await load(`${server.url}/api/bench/select-1`, { connections: 50, seconds: 8 });
    // A phone's browser always sends Accept-Encoding; the plain run shows the cost of sending it uncompressed.
    const asBrowser = { ...participant, 'accept-encoding': 'gzip, deflate, br' };
    const timetable = await load(`${server.url}/api/me/timetable`, { connections: 50, seconds: 8, headers: asBrowser });
    const timetablePlain = await load(`${server.url}/api/me/timetable`, { connections: 50, seconds: 8, headers: participant });
    const etag = sample.headers.get('etag') ?? '';
    const week = await load(`${server.url}/api/me/timetable?from=2025-01-27&to=2025-02-02`, { connections: 50, seconds: 8, headers: participant });
    const revalidate = await load(`${server.url}/api/me/timetable`, { connections: 50, seconds: 8, headers: { ...participant, 'if-none-match': etag } });
    const signedIn = await load(`${server.url}/api/auth/me`, { connections: 50, seconds: 8, headers: participant });
    const pct = (r: { rps: number }) => `${((r.rps / baseline.rps) * 100).toFixed(0)} % (${r.rps.toFixed(0)} req/s`;
    report('baseline SELECT 1 endpoint', `${baseline.rps.toFixed(0)} req/s, p99 ${baseline.p99} ms`, '—', baseline.non2xx === 0);
    report('floor: any signed-in GET (/api/auth/me) vs baseline', `${pct(signedIn)}, p99 ${signedIn.p99} ms)`, 'measured', signedIn.non2xx === 0);
    report(`participant timetable, whole programme (${items} sessions), gzip`, `${pct(timetable)}, p99 ${timetable.p99} ms)`, '≥ 30 %', timetable.rps / baseline.rps >= 0.3 && timetable.non2xx === 0);
    report(`participant timetable, whole programme, uncompressed (~54 KB)`, `${pct(timetablePlain)}, p99 ${timetablePlain.p99} ms)`, 'measured', timetablePlain.non2xx === 0);
    report('participant timetable, week agenda (?from&to)', `${pct(week)}, p99 ${week.p99} ms)`, '≥ 30 %', week.rps / baseline.rps >= 0.3 && week.non2xx === 0);
    // autocannon counts 304 as non-2xx; these are the revalidations the ETag exists for.
    report('participant timetable, revalidation (If-None-Match → 304)', `${pct(revalidate)}, p99 ${revalidate.p99} ms)`, '≥ 30 %', revalidate.rps / baseline.rps >= 0.3 && revalidate.errors === 0);

    // The stream's subscription feed, fetched as a calendar app would (no session).
    const feed = await fetch(`${server.url}/api/calendar-feeds`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'stream', subjectId: first.streamId }) });
    const feedPath = new URL(((await feed.json()) as { url: string }).url).pathname;
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      const response = await fetch(`${server.url}${feedPath}`);
      await response.text();
      if (i >= 10) times.push(performance.now() - t0);
    }
    report(`stream iCalendar feed (${items} events): p99 of 50`, `${percentile(times, 99).toFixed(1)} ms (p50 ${percentile(times, 50).toFixed(1)} ms)`, '≤ 50 ms', percentile(times, 99) <= 50);
  } finally {
    await server.close();
  }
}

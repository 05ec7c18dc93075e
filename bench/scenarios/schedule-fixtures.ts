import crypto from 'node:crypto';
import { sessions } from '../../server/src/db/schema/index.ts';
import { createSecretBox } from '../../server/src/lib/secret-box.ts';
import { hashToken } from '../../server/src/lib/tokens.ts';
import { BENCH_APP_SECRET, type BenchServer } from '../harness.ts';
import { streamWithPeople } from '../fixtures.ts';

export interface Participant {
  personId: string;
  headers: Record<string, string>;
}

/**
 * Sessions for many users without 1,600 scrypt sign-ins: the rows sign-in would write (the SHA-256 of a
 * cookie token) and the CSRF token the app derives from it. Bench-only; the app's code path is unchanged.
 */
async function mintSessions(server: BenchServer, users: Array<{ userId: string; personId: string }>): Promise<Participant[]> {
  const box = createSecretBox(BENCH_APP_SECRET);
  const now = new Date();
  const minted = users.map((u) => ({ ...u, token: crypto.randomBytes(32).toString('base64url') }));
  for (let i = 0; i < minted.length; i += 1000) {
    await server.handle.db.insert(sessions).values(
      minted.slice(i, i + 1000).map((m) => ({ id: hashToken(m.token), userId: m.userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 86_400_000) })),
    );
  }
  return minted.map((m) => ({ personId: m.personId, headers: { cookie: `ms_session=${m.token}`, 'x-csrf-token': box.sign(`csrf:${hashToken(m.token)}`), 'content-type': 'application/json' } }));
}

/** One stream of `size` people with accounts and live sessions, one venue, one module and one session running now. */
export async function streamRunningNow(server: BenchServer, size: number) {
  const streamId = await streamWithPeople(server, size);
  const pool = server.handle.pool;
  const { rows: [ctx] } = await pool.query<{ programme_id: string }>('select i.programme_id from streams s join intakes i on i.id = s.intake_id where s.id = $1', [streamId]);
  const today = new Date().toISOString().slice(0, 10);
  const { rows: [venue] } = await pool.query<{ id: string }>(
    `insert into venues (programme_id, name_ru, name_en, region_code, lat, lon, time_zone) values ($1, 'Сенеж', 'Senezh', 'RU-MOS', 56.2, 36.98, 'UTC') returning id`,
    [ctx!.programme_id],
  );
  const { rows: [module] } = await pool.query<{ id: string }>(
    `insert into schedule_modules (stream_id, number, theme_ru, theme_en, starts_on, ends_on, venue_id) values ($1, 1, 'Модуль', 'Module', $2::date - 1, $2::date + 7, $3) returning id`,
    [streamId, today, venue!.id],
  );
  const { rows: [session] } = await pool.query<{ id: string }>(
    `insert into schedule_sessions (module_id, kind, title_ru, title_en, starts_at, ends_at) values ($1, 'lecture', 'Лекция', 'Lecture', now() - interval '5 minutes', now() + interval '85 minutes') returning id`,
    [module!.id],
  );
  const { rows: users } = await pool.query<{ userId: string; personId: string }>(
    `insert into users (email, display_name, person_id, password_hash)
     select 'u-' || p.id || '@bench.test', p.last_name, p.id, 'x' from enrolments e join people p on p.id = e.person_id where e.stream_id = $1
     returning id as "userId", person_id as "personId"`,
    [streamId],
  );
  return { streamId, moduleId: module!.id, sessionId: session!.id, participants: await mintSessions(server, users) };
}

/** A realistic timetable: five more modules of the stream with `perModule` sessions each, every one with a speaker. */
export async function fillTimetable(server: BenchServer, streamId: string, moduleVenueFrom: string, perModule: number): Promise<void> {
  await server.handle.pool.query(
    `with prog as (select i.programme_id from streams s join intakes i on i.id = s.intake_id where s.id = $1),
     sp as (insert into speakers (programme_id, name_ru, name_en, affiliation_kind) select programme_id, 'Спикер', 'Speaker', 'academy_faculty' from prog returning id),
     mods as (insert into schedule_modules (stream_id, number, theme_ru, theme_en, starts_on, ends_on, venue_id)
              select $1, n, 'Модуль ' || n, 'Module ' || n, date '2025-01-01' + n * 30, date '2025-01-05' + n * 30, (select venue_id from schedule_modules where id = $2)
              from generate_series(2, 6) n returning id, starts_on),
     sess as (insert into schedule_sessions (module_id, kind, title_ru, title_en, starts_at, ends_at, topics)
              select m.id, 'lecture', 'Лекция ' || g, 'Lecture ' || g, m.starts_on + (g * interval '2 hours'), m.starts_on + (g * interval '2 hours') + interval '90 minutes', array['strategic_planning']
              from mods m cross join generate_series(1, $3::int) g returning id)
     insert into session_speakers (session_id, speaker_id) select sess.id, sp.id from sess cross join sp`,
    [streamId, moduleVenueFrom, perModule],
  );
  await server.handle.pool.query('analyze');
}

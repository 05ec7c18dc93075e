import { sql, type SQL } from 'drizzle-orm';
import type { TimetableQuery } from '@ms/contracts/schedule';
import type { Executor } from './schedule.repo.ts';

const UTC_ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * A timetable rendered by PostgreSQL straight into the JSON of TimetableSchema (the same fields, in
 * the same format as toSession): the hot read of the schedule, called by every participant's phone.
 * Building 100+ session objects in JS and serialising them cost ~5× the query itself; this way one text
 * value travels from the database to the socket.
 */
export function createTimetableJsonRepo(db: Executor) {
  async function render(where: SQL, query: TimetableQuery): Promise<string> {
    const localDate = sql`to_char(s.starts_at at time zone v.time_zone, 'YYYY-MM-DD')`;
    const result = await db.execute<{ body: string }>(sql`
      select json_build_object('items', coalesce(json_agg(json_build_object(
        'id', s.id, 'moduleId', s.module_id, 'streamId', m.stream_id, 'moduleNumber', m.number, 'kind', s.kind,
        'titleRu', s.title_ru, 'titleEn', s.title_en,
        'startsAt', to_char(s.starts_at at time zone 'UTC', ${sql.raw(UTC_ISO)}),
        'endsAt', to_char(s.ends_at at time zone 'UTC', ${sql.raw(UTC_ISO)}),
        'timeZone', v.time_zone, 'localDate', ${localDate},
        'venueNameRu', v.name_ru, 'venueNameEn', v.name_en, 'place', s.place, 'capacity', s.capacity, 'topics', s.topics,
        'speakers', coalesce((select json_agg(json_build_object('id', sp.id, 'nameRu', sp.name_ru, 'nameEn', sp.name_en) order by sp.name_ru)
                              from session_speakers ss join speakers sp on sp.id = ss.speaker_id where ss.session_id = s.id), '[]'::json)
      ) order by s.starts_at, s.title_ru), '[]'::json))::text as body
      from schedule_sessions s
      join schedule_modules m on m.id = s.module_id
      join venues v on v.id = m.venue_id
      where ${where}
        ${query.from ? sql`and ${localDate} >= ${query.from}` : sql``}
        ${query.to ? sql`and ${localDate} <= ${query.to}` : sql``}`);
    return result.rows[0]!.body;
  }

  return {
    streams: (streamIds: string[], query: TimetableQuery) => render(sql`m.stream_id in (${sql.join(streamIds.map((id) => sql`${id}::uuid`), sql`, `)})`, query),

    /** The schedule's revision and the person's live streams, in one cheap round trip. */
    async personStreams(personId: string): Promise<{ revision: number; streamIds: string[] }> {
      const result = await db.execute<{ revision: string; stream_ids: string[] }>(sql`
        select (select revision from schedule_revision where id = 1)::text as revision,
               array(select e.stream_id::text from enrolments e where e.person_id = ${personId} and e.status <> 'withdrawn' order by e.stream_id) as stream_ids`);
      const row = result.rows[0]!;
      return { revision: Number(row.revision ?? 0), streamIds: row.stream_ids };
    },
  };
}

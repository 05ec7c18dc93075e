import crypto from 'node:crypto';
import type { Database } from '../../src/db/client.ts';
import { feedTokens, streams, travelLegs } from '../../src/db/schema/index.ts';
import { hashToken } from '../../src/lib/tokens.ts';
import { buildModule, buildScheduleSession, buildSpeaker, buildVenue } from '../factories.ts';

interface Base {
  a: { programme: { id: string }; intake: { id: string }; a3: { id: string } };
  people: { pSam: { id: string } };
  users: { expert: { id: string }; participant: { id: string } };
}

/**
 * Programme A's schedule: a module of stream A3 hosted in RU-SAM (the fixture coordinator's region), a
 * session led by a speaker whose account is the fixture expert, pSam's travel leg and a live feed.
 */
export async function buildScheduleAccessFixture(db: Database, base: Base) {
  const venue = await buildVenue(db, base.a.programme.id, { nameRu: 'Самара', nameEn: 'Samara', regionCode: 'RU-SAM', lat: 53.2, lon: 50.15, timeZone: 'Europe/Samara' });
  const module = await buildModule(db, base.a.a3.id, venue.id, { number: 3, startsOn: '2025-02-10', endsOn: '2025-02-14', hostRegionCode: 'RU-SAM' });
  const speaker = await buildSpeaker(db, base.a.programme.id, { userId: base.users.expert.id });
  const session = await buildScheduleSession(db, module.id, { startsAt: new Date('2025-02-10T06:00:00Z'), endsAt: new Date('2025-02-10T07:30:00Z'), speakerIds: [speaker.id] });
  const [leg] = await db
    .insert(travelLegs)
    .values({ personId: base.people.pSam.id, moduleId: module.id, direction: 'inbound', mode: 'rail', departAt: new Date('2025-02-09T08:00:00Z'), arriveAt: new Date('2025-02-09T12:00:00Z'), lodging: 'Гостиница «Волга»' })
    .returning();
  const feedToken = crypto.randomBytes(32).toString('base64url');
  await db.insert(feedTokens).values({ tokenHash: hashToken(feedToken), kind: 'stream', subjectId: base.a.a3.id, createdBy: base.users.participant.id });

  /** A new stream of programme A with an empty module: writes that must not conflict get one each. */
  async function freshModule() {
    const [stream] = await db
      .insert(streams)
      .values({ intakeId: base.a.intake.id, number: 1000 + crypto.randomInt(1_000_000), nameRu: 'Поток', nameEn: 'Stream', startsOn: '2025-01-01', endsOn: '2025-12-31' })
      .returning();
    return { stream: stream!, module: await buildModule(db, stream!.id, venue.id, { number: 2, startsOn: '2025-04-01', endsOn: '2025-04-05' }) };
  }
  async function freshSession() {
    const { module: m } = await freshModule();
    return buildScheduleSession(db, m.id, { startsAt: new Date('2025-04-01T06:00:00Z'), endsAt: new Date('2025-04-01T07:00:00Z') });
  }
  const freshVenue = () => buildVenue(db, base.a.programme.id);
  const freshSpeaker = () => buildSpeaker(db, base.a.programme.id);
  async function freshVisit() {
    const { module: m } = await freshModule();
    return buildScheduleSession(db, m.id, { kind: 'site_visit', startsAt: new Date('2025-04-02T06:00:00Z'), endsAt: new Date('2025-04-02T09:00:00Z') });
  }
  async function freshLeg() {
    const [row] = await db.insert(travelLegs).values({ ...leg!, id: undefined, createdAt: undefined }).returning();
    return row!;
  }
  async function freshFeed() {
    const [row] = await db.insert(feedTokens).values({ tokenHash: hashToken(crypto.randomBytes(32).toString('base64url')), kind: 'stream', subjectId: base.a.a3.id, createdBy: base.users.participant.id }).returning();
    return row!;
  }
  return { venue, module, speaker, session, leg: leg!, feedToken, freshModule, freshSession, freshVisit, freshVenue, freshSpeaker, freshLeg, freshFeed };
}

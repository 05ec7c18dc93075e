import type { Database } from '../../src/db/client.ts';
import { buildAdoptionPlan, buildMunicipality, buildPractice } from '../factories.ts';

interface Base {
  a: { programme: { id: string } };
  people: { pSam: { id: string } };
}

/** Programme A's library: an approved practice adopted by pSam (the fixture participant) in a Samara municipality. */
export async function buildPracticesAccessFixture(db: Database, base: Base) {
  const practice = await buildPractice(db, base.a.programme.id);
  const municipality = await buildMunicipality(db, 'RU-SAM');
  const { plan, kpi, checkIns } = await buildAdoptionPlan(db, { practiceId: practice.id, personId: base.people.pSam.id, programmeId: base.a.programme.id, municipalityId: municipality.id });
  /** A fresh proposal, so each curation call has one to decide. */
  const freshProposal = () => buildPractice(db, base.a.programme.id, { status: 'proposed', title: 'Предложение участника' });
  return { practice, municipality, plan, kpi, checkIn: checkIns[0]!, freshProposal };
}

import { performance } from 'node:perf_hooks';
import { report } from '../harness.ts';
import { mulberry32 } from '../../server/src/features/demo/prng.ts';
import { FEDERAL_SUBJECTS } from '../../server/src/features/reference/federal-subjects.data.ts';
import { compareWithRandomSplits, generateTeams, scoreDiversity, type Candidate } from '../../server/src/features/teams/team-generation.ts';

const KINDS = ['urban_okrug', 'municipal_district', 'municipal_okrug', 'urban_settlement', 'rural_settlement'];

/** 80 participants like a stream: ~60 regions (some twice or thrice), all districts, ages 26–60. */
function stream(seed: number): Candidate[] {
  const rng = mulberry32(seed);
  return Array.from({ length: 80 }, (_, i) => {
    const subject = FEDERAL_SUBJECTS[Math.floor(rng() * 60)]!;
    return { personId: `p-${i}`, regionCode: subject.code, federalDistrict: subject.federalDistrict, municipalityKind: KINDS[Math.floor(rng() * KINDS.length)]!, age: 26 + Math.floor(rng() * 35) };
  });
}

/** Team generation for 80 participants (the builder's preview): generation plus 1,000 random splits to compare with. */
export async function benchTeams(): Promise<void> {
  const runs: number[] = [];
  let percentile = 0;
  let score = 0;
  let randomScore = 0;
  for (let seed = 1; seed <= 10; seed++) {
    const candidates = stream(seed);
    const started = performance.now();
    const ids = generateTeams(candidates, { seed });
    const byId = new Map(candidates.map((c) => [c.personId, c]));
    const split = ids.map((team) => team.map((id) => byId.get(id)!));
    score = scoreDiversity(split);
    const baseline = compareWithRandomSplits(candidates, split.map((t) => t.length), score, seed, 1000);
    runs.push(performance.now() - started);
    percentile = Math.min(percentile || 100, baseline.percentile);
    randomScore = baseline.randomScore;
  }
  const worst = Math.max(...runs);
  report('teams: generate 80 + 1,000 random splits (worst of 10)', `${worst.toFixed(0)} ms`, '≤ 1000 ms', worst <= 1000);
  report('teams: percentile among 1,000 random splits (lowest of 10)', `${percentile}% (last: ${score} vs random ${randomScore})`, 'reported', true);
}

import type { MunicipalityKind } from '@ms/contracts/reference';
import { PLACE_ADJECTIVES } from './names.ts';
import { pick, pickWeighted, randomInt, type Rng } from './prng.ts';

/** What the generator needs to know about a federal subject. */
export interface DemoRegionInput {
  code: string;
  kind: string;
  capitalRu: string;
  lat: number;
  lon: number;
}

export interface DemoMunicipality {
  /** `${regionCode}|${kind}|${name}`: the table's natural key, used to link people before ids exist. */
  key: string;
  regionCode: string;
  name: string;
  kind: MunicipalityKind;
  population: number | null;
  lat: number | null;
  lon: number | null;
}

interface RoleSpec {
  weight: number;
  kind: MunicipalityKind;
  positions: readonly string[];
  /** Heads of urban okrugs take the regional capital first; deputies share it with its head. */
  capital?: 'head' | 'deputy';
}

// The mix of a real intake: heads of districts and okrugs dominate, deputies make up about a third.
const ROLES: readonly RoleSpec[] = [
  { weight: 14, kind: 'urban_okrug', capital: 'head', positions: ['Глава городского округа'] },
  {
    weight: 12,
    kind: 'urban_okrug',
    capital: 'deputy',
    // Listed twice: deputies outnumber first deputies.
    positions: [
      'Заместитель главы администрации городского округа',
      'Заместитель главы администрации городского округа',
      'Первый заместитель главы администрации городского округа',
    ],
  },
  { weight: 20, kind: 'municipal_district', positions: ['Глава муниципального района'] },
  { weight: 8, kind: 'municipal_district', positions: ['Глава администрации муниципального района'] },
  { weight: 12, kind: 'municipal_district', positions: ['Заместитель главы администрации муниципального района'] },
  { weight: 18, kind: 'municipal_okrug', positions: ['Глава муниципального округа', 'Глава администрации муниципального округа'] },
  { weight: 8, kind: 'urban_settlement', positions: ['Глава городского поселения'] },
  { weight: 6, kind: 'rural_settlement', positions: ['Глава сельского поселения'] },
];

// Moscow, St Petersburg and Sevastopol have intra-city municipal okrugs instead of districts.
const FEDERAL_CITY_POSITIONS = [
  'Глава муниципального округа',
  'Глава администрации муниципального округа',
  'Заместитель главы администрации муниципального округа',
];

const POPULATION: Record<MunicipalityKind, readonly [number, number]> = {
  urban_okrug: [20_000, 140_000],
  municipal_district: [8_000, 60_000],
  municipal_okrug: [10_000, 80_000],
  urban_settlement: [3_000, 30_000],
  rural_settlement: [800, 6_000],
  city_district: [50_000, 300_000],
  federal_city_area: [30_000, 150_000],
};

/** «Заречный» → «Заречное», for settlements (поселение is neuter). */
function neuter(adjective: string): string {
  return adjective.replace(/(ый|ий|ой)$/, 'ое');
}

function nameFor(kind: MunicipalityKind, adjective: string): string {
  switch (kind) {
    case 'municipal_district':
      return `${adjective} муниципальный район`;
    case 'municipal_okrug':
      return `${adjective} муниципальный округ`;
    case 'urban_settlement':
      return `${neuter(adjective)} городское поселение`;
    case 'rural_settlement':
      return `${neuter(adjective)} сельское поселение`;
    case 'federal_city_area':
      return `муниципальный округ ${adjective}`;
    default:
      return `городской округ ${adjective}`;
  }
}

/**
 * Hands out municipalities and positions for people, remembering what each region already has, so a
 * capital is created once and two heads never share a synthetic district.
 */
export function createPlaceRegistry(rng: Rng) {
  const municipalities = new Map<string, DemoMunicipality>();
  const capitalHeads = new Set<string>();
  // One adjective per region across kinds: a «Светлый район» beside a «Светлый округ» would look odd.
  const usedAdjectives = new Map<string, Set<string>>();

  function add(region: DemoRegionInput, kind: MunicipalityKind, name: string, isCapital: boolean): DemoMunicipality {
    const key = `${region.code}|${kind}|${name}`;
    const existing = municipalities.get(key);
    if (existing) return existing;
    const [min, max] = POPULATION[kind];
    const municipality: DemoMunicipality = {
      key,
      regionCode: region.code,
      name,
      kind,
      // A capital's real population is not in our reference data; better none than a wrong one.
      population: isCapital ? null : Math.round(randomInt(rng, min, max) / 100) * 100,
      lat: isCapital ? region.lat : null,
      lon: isCapital ? region.lon : null,
    };
    municipalities.set(key, municipality);
    return municipality;
  }

  function addFresh(region: DemoRegionInput, kind: MunicipalityKind): DemoMunicipality {
    const used = usedAdjectives.get(region.code) ?? new Set<string>();
    usedAdjectives.set(region.code, used);
    const adjective = pick(rng, PLACE_ADJECTIVES.filter((a) => !used.has(a)));
    used.add(adjective);
    return add(region, kind, nameFor(kind, adjective), false);
  }

  return {
    /** A position and the municipality it is held in, for one person of this region. */
    assign(region: DemoRegionInput): { position: string; municipality: DemoMunicipality } {
      if (region.kind === 'federal_city') {
        return { position: pick(rng, FEDERAL_CITY_POSITIONS), municipality: addFresh(region, 'federal_city_area') };
      }
      const role = pickWeighted(rng, ROLES);
      const position = pick(rng, role.positions);
      const capital = () => add(region, 'urban_okrug', `городской округ ${region.capitalRu}`, true);
      if (role.capital === 'deputy') return { position, municipality: capital() };
      if (role.capital === 'head' && !capitalHeads.has(region.code)) {
        capitalHeads.add(region.code);
        return { position, municipality: capital() };
      }
      return { position, municipality: addFresh(region, role.kind) };
    },
    list: (): DemoMunicipality[] => [...municipalities.values()],
  };
}

import { normalizeKey } from './cells.ts';

export interface RegionRef {
  code: string;
  nameRu: string;
  nameEn: string;
}

export interface MunicipalityRef {
  id: string;
  regionCode: string;
  name: string;
}

/** Looks up reference data by what people type in a spreadsheet. */
export interface ReferenceLookup {
  /** ISO code (RU-MOW) or the Russian or English name, case-insensitive; the region code or null. */
  findRegion: (text: string) => string | null;
  /** A municipality of that region by name, case-insensitive; its id or null. */
  findMunicipality: (regionCode: string, name: string) => string | null;
}

/** A lookup that more municipalities can be added to, as the regions a file names come up chunk by chunk. */
export interface GrowingReferenceLookup extends ReferenceLookup {
  addMunicipalities: (municipalities: MunicipalityRef[]) => void;
}

/** Builds the lookups from reference rows (regions in full, municipalities of the regions in the file). */
export function createReferenceLookup(regions: RegionRef[], municipalities: MunicipalityRef[] = []): GrowingReferenceLookup {
  const regionByKey = new Map<string, string>();
  for (const region of regions) {
    for (const name of [region.code, region.nameRu, region.nameEn]) regionByKey.set(normalizeKey(name), region.code);
  }
  const municipalityByKey = new Map<string, string>();
  const addMunicipalities = (list: MunicipalityRef[]) => {
    for (const m of list) {
      const key = `${m.regionCode}|${normalizeKey(m.name)}`;
      // Same name twice in a region (a town and its district): the first one found stands for both.
      if (!municipalityByKey.has(key)) municipalityByKey.set(key, m.id);
    }
  };
  addMunicipalities(municipalities);
  return {
    findRegion: (text) => regionByKey.get(normalizeKey(text)) ?? null,
    findMunicipality: (regionCode, name) => municipalityByKey.get(`${regionCode}|${normalizeKey(name)}`) ?? null,
    addMunicipalities,
  };
}

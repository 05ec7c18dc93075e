import { z } from 'zod';
import { PageQuerySchema, PlainTextSchema, pageOf } from './common.ts';

/** A federal subject's code: ISO 3166-2:RU (`RU-MOW`), or the platform's code for subjects ISO does not list. */
export const RegionCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}-[A-Z0-9]{1,4}$/);

/** A federal district's code as the reference data spells it (CFD, NWFD, SibFD …). */
export const FederalDistrictCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,6}$/);

/** One of the federal districts (ЦФО, СЗФО …). */
export const FederalDistrictSchema = z.object({
  code: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
});
export type FederalDistrict = z.infer<typeof FederalDistrictSchema>;

/** A federal subject with what the map and the lists need. */
export const RegionSchema = z.object({
  /** ISO 3166-2:RU code. */
  code: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  /** republic | krai | oblast | federal_city | autonomous_oblast | autonomous_okrug */
  kind: z.string(),
  /** Code of the federal district. */
  federalDistrict: z.string(),
  capitalRu: z.string(),
  capitalEn: z.string(),
  /** Coordinates of the capital (WGS 84). */
  lat: z.number(),
  lon: z.number(),
  /** Position on the tile-grid cartogram (column from the west, row from the north). */
  tileCol: z.number().int(),
  tileRow: z.number().int(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionListSchema = z.object({ items: z.array(RegionSchema) });
export const FederalDistrictListSchema = z.object({ items: z.array(FederalDistrictSchema) });

export const MUNICIPALITY_KINDS = [
  'urban_okrug',
  'municipal_district',
  'municipal_okrug',
  'urban_settlement',
  'rural_settlement',
  'city_district',
  'federal_city_area',
] as const;
export const MunicipalityKindSchema = z.enum(MUNICIPALITY_KINDS);
export type MunicipalityKind = z.infer<typeof MunicipalityKindSchema>;

export const MunicipalitySchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  name: z.string(),
  kind: z.string(),
  population: z.number().int().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export type Municipality = z.infer<typeof MunicipalitySchema>;

export const MunicipalityPageSchema = pageOf(MunicipalitySchema);
export type MunicipalityPage = z.infer<typeof MunicipalityPageSchema>;

export const MunicipalitiesQuerySchema = PageQuerySchema.extend({
  /** Only municipalities of this federal subject. */
  region: RegionCodeSchema.optional(),
  /** Part of the name, case-insensitive. */
  q: PlainTextSchema(200).optional(),
});
export type MunicipalitiesQuery = z.infer<typeof MunicipalitiesQuerySchema>;

export const CreateMunicipalityBodySchema = z.strictObject({
  regionCode: RegionCodeSchema,
  name: PlainTextSchema(300).pipe(z.string().min(2)),
  kind: MunicipalityKindSchema,
  population: z.number().int().min(0).max(20_000_000).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
});
export type CreateMunicipalityBody = z.infer<typeof CreateMunicipalityBodySchema>;

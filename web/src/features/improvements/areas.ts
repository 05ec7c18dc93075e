import type { AreaCode } from '@ms/contracts/areas';

/**
 * The 30 area codes in their fixed order. Repeated here because importing values from the contracts
 * would bundle zod into the web app; the check below fails to compile if a code is missing.
 */
export const AREAS = [
  'strategy', 'finance', 'economy', 'sme', 'tourism', 'agro', 'urban', 'utilities', 'housing', 'roads',
  'transport', 'waste', 'ecology', 'health', 'education', 'culture', 'sport', 'youth', 'family', 'social',
  'veterans', 'safety', 'emergency', 'digital', 'feedback', 'initiatives', 'property', 'team', 'procurement', 'spatial',
] as const satisfies readonly AreaCode[];

type Missing = Exclude<AreaCode, (typeof AREAS)[number]>;
export const ARE_AREAS_COMPLETE: [Missing] extends [never] ? true : never = true;

import type { AffiliationKind } from '@ms/contracts/schedule';

/**
 * The speakers' affiliation kinds in display order. Kept apart from the pages (and from zod, which a
 * type-only import does not pull in) so that the router can validate the URL without loading the page.
 */
export const AFFILIATIONS: readonly AffiliationKind[] = ['federal_ministry', 'regional_government', 'municipal_head', 'academy_faculty', 'business', 'other'];

/** The library's sort orders; apart from the page so that the router can validate the URL without loading it. */
export const PRACTICE_SORTS = ['relevance', 'title', 'newest', 'adoptions'] as const;

/** The seven facets of the public postings list, in the order they are shown. */
export type FacetName = 'teams' | 'departments' | 'locations' | 'commitments' | 'levels' | 'workplaceTypes' | 'countries';
export const FACET_NAMES: FacetName[] = ['teams', 'departments', 'locations', 'commitments', 'levels', 'workplaceTypes', 'countries'];

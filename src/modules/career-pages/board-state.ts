import { WorkplaceType, type PublicPostingFilter } from '../postings';

/** The board's filter selects: URL parameter, facet name in the public query, and the select's label. */
export const BOARD_FACETS = [
  { param: 'team', facet: 'teams', label: 'Team', all: 'All teams' },
  { param: 'department', facet: 'departments', label: 'Department', all: 'All departments' },
  { param: 'location', facet: 'locations', label: 'Location', all: 'All locations' },
  { param: 'commitment', facet: 'commitments', label: 'Commitment', all: 'All commitments' },
  { param: 'level', facet: 'levels', label: 'Level', all: 'All levels' },
  { param: 'workplace', facet: 'workplaceTypes', label: 'Workplace', all: 'All workplace types' },
] as const;

export type FacetParam = (typeof BOARD_FACETS)[number]['param'];
export const PAGE_SIZE = 20;
const MAX_PARAM = 500;

/**
 * Everything the board shows is decided by its URL query, so any view can be
 * bookmarked and shared and works without JavaScript: `q`, one value per facet,
 * `group` (team | none) and a cursor (`after` or `before`).
 */
export interface BoardState {
  q: string;
  filters: Partial<Record<FacetParam, string>>;
  group: 'team' | 'none';
  after: string | null;
  before: string | null;
}

function one(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim().slice(0, MAX_PARAM) : '';
}

export function parseBoardState(query: Record<string, unknown>): BoardState {
  const filters: BoardState['filters'] = {};
  for (const f of BOARD_FACETS) {
    const v = one(query[f.param]);
    // Workplace values are an enum: an unknown one is dropped rather than silently matching everything.
    if (v && (f.param !== 'workplace' || (Object.values(WorkplaceType) as string[]).includes(v))) filters[f.param] = v;
  }
  const after = one(query.after) || null;
  return {
    q: one(query.q),
    filters,
    group: one(query.group) === 'none' ? 'none' : 'team',
    after,
    before: after ? null : one(query.before) || null,
  };
}

/** The public query's filter for this state. */
export function toPostingFilter(state: BoardState): PublicPostingFilter {
  const f = state.filters;
  return {
    search: state.q || null,
    teams: f.team ? [f.team] : null,
    departments: f.department ? [f.department] : null,
    locations: f.location ? [f.location] : null,
    commitments: f.commitment ? [f.commitment] : null,
    levels: f.level ? [f.level] : null,
    workplaceTypes: f.workplace ? [f.workplace as WorkplaceType] : null,
  };
}

export function hasFilters(state: BoardState): boolean {
  return Boolean(state.q) || Object.keys(state.filters).length > 0;
}

/** The board URL for `state` with `change` applied; empty parameters are left out. */
export function boardUrl(basePath: string, state: BoardState, change: Partial<BoardState> = {}): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  for (const f of BOARD_FACETS) {
    const v = next.filters[f.param];
    if (v) params.set(f.param, v);
  }
  if (next.group === 'none') params.set('group', 'none');
  if (next.after) params.set('after', next.after);
  else if (next.before) params.set('before', next.before);
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** The cache identity of a state (its canonical URL query). */
export function stateKey(state: BoardState): string {
  return boardUrl('', state);
}

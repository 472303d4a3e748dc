import type { FacetName } from '../../postings';
import { BOARD_FACETS, boardUrl, hasFilters, type BoardState } from '../board-state';
import { locationsText, WORKPLACE_LABELS } from '../posting-format';
import { renderPage, type BrandHeader } from './layout';

export interface BoardPosting {
  id: string;
  title: string;
  team: string | null;
  commitment: string | null;
  workplaceType: string;
  locations: { name: string }[];
}

export interface BoardView {
  organizationName: string;
  intro: string | null;
  brand: BrandHeader;
  basePath: string;
  canonical: string;
  state: BoardState;
  total: number;
  facets: Partial<Record<FacetName, { value: string; count: number }[]>>;
  postings: BoardPosting[];
  previous: string | null;
  next: string | null;
}

function optionLabel(facet: FacetName, value: string): string {
  return facet === 'workplaceTypes' ? (WORKPLACE_LABELS[value] ?? value) : value;
}

function Filters({ view }: { view: BoardView }) {
  const { state } = view;
  return (
    <form class="filters" method="get" action={view.basePath} role="search" aria-label="Filter jobs">
      <div class="search">
        <label for="q">Search jobs</label>
        <input id="q" type="search" name="q" value={state.q} placeholder="Title, team or place (start of a word is enough)" />
      </div>
      {BOARD_FACETS.map((f) => {
        const selected = state.filters[f.param] ?? '';
        const options = view.facets[f.facet] ?? [];
        const known = options.some((o) => o.value.toLowerCase() === selected.toLowerCase());
        return (
          <div key={f.param}>
            <label for={`filter-${f.param}`}>{f.label}</label>
            <select id={`filter-${f.param}`} name={f.param}>
              <option value="">{f.all}</option>
              {options.map((o) => (
                <option key={o.value} value={o.value} selected={o.value.toLowerCase() === selected.toLowerCase()}>
                  {`${optionLabel(f.facet, o.value)} (${o.count})`}
                </option>
              ))}
              {selected && !known ? (
                <option value={selected} selected>
                  {`${optionLabel(f.facet, selected)} (0)`}
                </option>
              ) : null}
            </select>
          </div>
        );
      })}
      <div>
        <label for="group">Show</label>
        <select id="group" name="group">
          <option value="team" selected={state.group === 'team'}>
            Grouped by team
          </option>
          <option value="none" selected={state.group === 'none'}>
            One list
          </option>
        </select>
      </div>
      <div class="actions">
        <button class="button" type="submit">
          Show jobs
        </button>
        {hasFilters(state) ? <a href={boardUrl(view.basePath, state, { q: '', filters: {}, after: null, before: null })}>Clear all filters</a> : null}
      </div>
    </form>
  );
}

function PostingItem({ posting, basePath }: { posting: BoardPosting; basePath: string }) {
  const meta = [locationsText(posting.locations), posting.commitment, WORKPLACE_LABELS[posting.workplaceType]].filter(
    (v) => v && v !== WORKPLACE_LABELS.UNSPECIFIED,
  );
  return (
    <li>
      <a href={`${basePath}/${posting.id}`}>{posting.title}</a>
      <p class="meta">{meta.join(' · ')}</p>
    </li>
  );
}

function Results({ view }: { view: BoardView }) {
  if (!view.postings.length) {
    return (
      <div class="empty">
        {hasFilters(view.state) ? (
          <>
            <h2>No jobs match these filters</h2>
            <p>
              Try fewer words or another filter, or <a href={view.basePath}>see all open jobs</a>.
            </p>
          </>
        ) : view.state.after || view.state.before ? (
          <>
            <h2>This page is empty</h2>
            <p>
              Jobs changed since the link was made. <a href={view.basePath}>Start from the first page</a>.
            </p>
          </>
        ) : (
          <>
            <h2>No open positions right now</h2>
            <p>{view.organizationName} has no open jobs at the moment. Please check back soon.</p>
          </>
        )}
      </div>
    );
  }
  if (view.state.group === 'none') {
    return (
      <ul class="postings">
        {view.postings.map((p) => (
          <PostingItem key={p.id} posting={p} basePath={view.basePath} />
        ))}
      </ul>
    );
  }
  const groups = new Map<string, BoardPosting[]>();
  for (const p of view.postings) {
    const team = p.team ?? 'Other';
    groups.set(team, [...(groups.get(team) ?? []), p]);
  }
  const teams = [...groups.keys()].sort((a, b) => a.localeCompare(b));
  return (
    <>
      {teams.map((team) => (
        <section key={team} aria-labelledby={`team-${teams.indexOf(team)}`}>
          <h2 id={`team-${teams.indexOf(team)}`}>{team}</h2>
          <ul class="postings">
            {groups.get(team)!.map((p) => (
              <PostingItem key={p.id} posting={p} basePath={view.basePath} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function boardPage(view: BoardView): string {
  const jobs = `${view.total} open ${view.total === 1 ? 'job' : 'jobs'}`;
  return renderPage({
    title: `Jobs at ${view.organizationName}`,
    description: view.intro ?? `Open positions at ${view.organizationName}.`,
    canonical: view.canonical,
    brand: view.brand,
    children: (
      <>
        <h1>Jobs at {view.organizationName}</h1>
        {view.intro ? <p class="intro">{view.intro}</p> : null}
        <Filters view={view} />
        <p class="total" role="status">
          {jobs}
          {hasFilters(view.state) ? ' match your filters' : ''}
        </p>
        <Results view={view} />
        {view.previous || view.next ? (
          <nav class="pager" aria-label="Pages of results">
            {view.previous ? <a href={view.previous}>← Previous page</a> : <span />}
            {view.next ? <a href={view.next}>Next page →</a> : <span />}
          </nav>
        ) : null}
      </>
    ),
  });
}

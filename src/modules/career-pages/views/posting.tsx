import type { PostingRow } from '../../postings';
import { dateText, locationsText, salaryText, WORKPLACE_LABELS } from '../posting-format';
import { renderPage, type BrandHeader } from './layout';

export interface PostingView {
  row: PostingRow;
  organizationName: string;
  brand: BrandHeader;
  canonical: string;
  applyPath: string;
  /** Absolute URL of the logo for OpenGraph, or null. */
  imageUrl: string | null;
  /** The script-safe JSON-LD text (its CSP hash is computed from exactly this). */
  jsonLd: string;
}

/** Sanitized-on-write HTML (posting content). The only place raw HTML enters a page. */
function Sanitized({ html }: { html: string | null }) {
  return html ? <div class="content" dangerouslySetInnerHTML={{ __html: html }} /> : null;
}

/** Content in Lever's reading order: headline with categories, salary, opening and description, each list, closing, then Apply. */
export function postingPage(view: PostingView): string {
  const { row } = view;
  const summary = (row.opening_plain || row.description_plain || row.title).replace(/\s+/g, ' ').trim().slice(0, 200);
  const title = `${row.title} – ${view.organizationName}`;
  const categories = [
    locationsText(row.locations),
    row.team,
    row.department,
    row.commitment,
    row.level,
    row.workplace_type !== 'UNSPECIFIED' ? WORKPLACE_LABELS[row.workplace_type] : null,
  ].filter((c): c is string => Boolean(c));
  return renderPage({
    title,
    description: summary,
    canonical: view.canonical,
    brand: view.brand,
    head: (
      <>
        <meta property="og:type" content="website" />
        <meta property="og:title" content={title} />
        <meta property="og:description" content={summary} />
        <meta property="og:url" content={view.canonical} />
        <meta property="og:site_name" content={view.organizationName} />
        {view.imageUrl ? <meta property="og:image" content={view.imageUrl} /> : null}
        <meta name="twitter:card" content="summary" />
        <meta name="twitter:title" content={title} />
        <meta name="twitter:description" content={summary} />
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: view.jsonLd }} />
      </>
    ),
    children: (
      <article>
        <h1>{row.title}</h1>
        <ul class="categories" aria-label="Job details">
          {categories.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        {row.salary_range ? <p class="salary">{salaryText(row.salary_range)}</p> : null}
        <p class="meta">Posted {dateText(new Date(row.published_at))}</p>
        <p class="apply-bar">
          <a class="button" href={view.applyPath}>
            Apply for this job
          </a>
        </p>
        <Sanitized html={row.opening_html} />
        <Sanitized html={row.description_html} />
        {row.lists.map((list, i) => (
          <section key={i} aria-labelledby={`list-${i}`}>
            <h2 id={`list-${i}`}>{list.title}</h2>
            <Sanitized html={list.contentHtml} />
          </section>
        ))}
        <Sanitized html={row.additional_html} />
        {row.salary_description ? <p>{row.salary_description}</p> : null}
        <p class="apply-bar">
          <a class="button" href={view.applyPath}>
            Apply for this job
          </a>
        </p>
      </article>
    ),
  });
}

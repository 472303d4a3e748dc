import { renderPage } from './layout';

export interface LandingView {
  boards: { slug: string; name: string }[];
}

/** GET /: what runs here and where to go. */
export function landingPage(view: LandingView): string {
  return renderPage({
    title: 'Jobgate',
    description: 'Jobgate: hosted job boards, a public postings API and an XML job feed for organizations that hire.',
    children: (
      <>
        <h1>Jobgate is running</h1>
        <p>One service for organizations that hire: hosted career pages, an admin API, a public postings API for career sites, and an XML job feed.</p>
        <h2>Job boards</h2>
        {view.boards.length ? (
          <ul>
            {view.boards.map((b) => (
              <li key={b.slug}>
                <a href={`/jobs/${encodeURIComponent(b.slug)}`}>{b.name}</a> (demo organization)
              </li>
            ))}
          </ul>
        ) : (
          <p>
            Every organization's board lives at <code>/jobs/&lt;organization slug&gt;</code>.
          </p>
        )}
        <h2>For administrators and developers</h2>
        <ul>
          <li>
            <a href="/admin">Admin console</a> (<code>/admin</code>)
          </li>
          <li>
            API docs: <a href="/docs/schema/admin.graphql">admin GraphQL schema</a> (<code>POST /graphql</code>) and{' '}
            <a href="/docs/schema/public.graphql">public GraphQL schema</a> (<code>POST /public/graphql</code>)
          </li>
          <li>
            Job feeds: <code>/feeds/&lt;slug&gt;.xml</code>; health: <a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a>
          </li>
        </ul>
      </>
    ),
  });
}

import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { BadInputError } from '../../errors';
import type { GraphQLContext } from '../../graphql/context';
import { loaderFor, principalOf } from '../../graphql/context';
import { isUuid } from '../../ids';
import { organizationOf } from '../organizations';
import { applyUrl, hostedUrl, type PostingUrlBase } from './posting-urls';
import { FACET_NAMES, fetchCounts, fetchOne, fetchPage, filterConditions, encodeCursor, type FacetName, type PostingRow } from './public-postings.query';
import { PostingOrder, PublicPosting, PublicPostingConnection, PublicPostingFilter, type PostingFacets } from './public-posting.types';
import { selectedFields } from './selection';

/** The organization's URL settings, read once per request whatever the number of postings. */
async function urlBase(ctx: GraphQLContext): Promise<PostingUrlBase> {
  const load = loaderFor(ctx, 'postings.urlBase', () => {
    const organizationId = principalOf(ctx).organizationId;
    return organizationOf(ctx.em, organizationId).then((org) => ({ slug: org.slug, careersSiteUrl: org.settings.careersSiteUrl }));
  });
  return load;
}

/** The URL settings joined into a page row (absent when no URL field was selected; then nothing reads them). */
const joinedUrlBase = (row: PostingRow): PostingUrlBase => ({ slug: row.org_slug ?? '', careersSiteUrl: row.org_careers_site_url ?? null });

/** Unselected columns are absent from the row; GraphQL reads only selected fields, so they are never seen. */
function toPublic(row: PostingRow, base: PostingUrlBase, publicUrl: string): PublicPosting {
  return {
    id: row.id,
    title: row.title,
    team: row.team,
    department: row.department,
    commitment: row.commitment,
    level: row.level,
    workplaceType: row.workplace_type,
    locations: row.locations,
    country: row.country,
    openingHtml: row.opening_html,
    openingPlain: row.opening_plain,
    descriptionHtml: row.description_html,
    descriptionPlain: row.description_plain,
    additionalHtml: row.additional_html,
    additionalPlain: row.additional_plain,
    lists: row.lists,
    salaryRange: row.salary_range,
    salaryDescription: row.salary_description,
    questions: row.questions,
    hostedUrl: hostedUrl(base, publicUrl, row.id),
    applyUrl: applyUrl(base, publicUrl, row.id),
    publishedAt: row.published_at && new Date(row.published_at),
    updatedAt: row.updated_at && new Date(row.updated_at),
  };
}

/** The career-site read API (POST /public/graphql): only publicly visible postings exist here. */
@Resolver()
export class PublicPostingsResolver {
  constructor(private readonly publicUrl: string) {}

  @Query(() => PublicPostingConnection, { nullable: true, description: 'Published postings, with totals and facets.' })
  async postings(
    @Arg('filter', () => PublicPostingFilter, { nullable: true }) filter: PublicPostingFilter | null,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Arg('orderBy', () => PostingOrder, { defaultValue: PostingOrder.NEWEST }) orderBy: PostingOrder,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PublicPostingConnection> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw BadInputError.field('first', 'must be between 1 and 100');
    const organizationId = principalOf(ctx).organizationId;
    const conditions = filterConditions(filter);
    const top = selectedFields(info, []);
    const wantRows = top.has('edges') || top.has('nodes') || top.has('pageInfo');
    const wantedFacets = top.has('facets') ? FACET_NAMES.filter((f) => selectedFields(info, ['facets']).has(f)) : [];
    // Only the selected columns; the organization's URL settings ride along in the page statement when a URL is selected.
    const fields = wantRows ? new Set([...selectedFields(info, ['edges', 'node']), ...selectedFields(info, ['nodes'])]) : null;
    const wantTotal = top.has('totalCount');
    // A page with its total is one statement; facets (or a total without rows) need the counts statement beside it.
    const totalInPage = fields !== null && wantTotal && wantedFacets.length === 0;
    const [page, counts] = await Promise.all([
      fields ? fetchPage(ctx.em, organizationId, conditions, orderBy, first, after, fields, totalInPage) : Promise.resolve({ rows: [], hasNextPage: false, total: null }),
      totalInPage ? null : fetchCounts(ctx.em, organizationId, conditions, wantTotal, wantedFacets),
    ]);
    const publicUrl = this.publicUrl;
    const nodes = page.rows.map((row) => toPublic(row, joinedUrlBase(row), publicUrl));
    const edges = nodes.map((node, i) => ({ node, cursor: encodeCursor(orderBy, page.rows[i]!) }));
    const facets = Object.fromEntries(FACET_NAMES.map((f: FacetName) => [f, counts?.facets[f] ?? []])) as unknown as PostingFacets;
    return {
      edges,
      nodes,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: (totalInPage ? page.total : counts?.total) ?? 0,
      facets,
    };
  }

  @Query(() => PublicPosting, { nullable: true, description: 'Null for anything not publicly visible.' })
  async posting(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PublicPosting | null> {
    if (!isUuid(id)) return null;
    const [row, base] = await Promise.all([fetchOne(ctx.em, principalOf(ctx).organizationId, id.toLowerCase()), urlBase(ctx)]);
    return row ? toPublic(row, base, this.publicUrl) : null;
  }
}

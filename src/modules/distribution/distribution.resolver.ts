import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { loaderFor, scopeOf } from '../../graphql/context';
import { Organization } from '../organizations/entities.api';
import { Posting } from '../postings/entities.api';
import { distributionFacts } from './distribution-facts.builder';
import { distributionReport } from './distribution-report';
import { DistributionEntry } from './distribution.types';
import { lastNotifiedByPosting } from './notices';

/**
 * `Posting.distribution`: readable wherever the posting is (postings.read / postings.list),
 * so it adds no operation. The organization is the caller's own, loaded once per request
 * however many postings a page lists.
 */
@Resolver(() => Posting)
export class DistributionResolver {
  constructor(
    private readonly publicUrl: string,
    /** Whether JOBGATE_INDEXNOW_ENDPOINT is set: the IndexNow entry reports it. */
    private readonly indexNowConfigured: boolean,
  ) {}

  @FieldResolver(() => [DistributionEntry], { description: 'What Google, Indeed, LinkedIn and IndexNow make of this posting, and what each still lacks.' })
  async distribution(@Root() posting: Posting, @Ctx() ctx: GraphQLContext): Promise<DistributionEntry[]> {
    const scope = scopeOf(ctx);
    const organization = await loaderFor(ctx, 'distribution.organization', () => scope.em.findOneOrFail(Organization, { id: scope.principal.organizationId }));
    const notified = await lastNotifiedByPosting(ctx).load(posting.id);
    const facts = distributionFacts(posting, organization, { publicUrl: this.publicUrl, indexNowConfigured: this.indexNowConfigured });
    // Only the search engines are notified (Google's Indexing API, IndexNow); the feeds are pulled.
    return distributionReport(facts, (destination) => notified.get(destination) ?? null);
  }
}

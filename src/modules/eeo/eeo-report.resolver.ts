import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { scopeOf } from '../../graphql/context';
import { EEO_OPERATION } from '../../auth/presets';
import { Requires } from '../../graphql/permissions';
import { EeoReport } from './eeo-report.types';
import type { EeoService } from './eeo.service';

/** The EEO aggregate report: the only way EEO answers leave their table, under their own permission. */
@Resolver()
export class EeoReportResolver {
  constructor(private readonly eeo: EeoService) {}

  @Query(() => EeoReport, { description: 'Counts of voluntary self-identification answers per question and answer, for one posting or all, in a period; cells under minimumCellSize are suppressed.' })
  @Requires(EEO_OPERATION)
  eeoReport(
    @Arg('postingId', () => ID, { nullable: true }) postingId: string | null,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EeoReport> {
    return this.eeo.report(scopeOf(ctx), { postingId, from, to });
  }
}

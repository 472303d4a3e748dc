import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { scopeOf } from '../../graphql/context';
import { Requires } from '../../graphql/permissions';
import { Application } from '../applications/entities.api';
import { CandidateErasure } from './data-rights.types';
import type { CandidateDataService } from './candidate-data.service';

/** A candidate's data rights on the admin API: erasure, export, legal hold. */
@Resolver()
export class DataRightsResolver {
  constructor(private readonly candidateData: CandidateDataService) {}

  @Mutation(() => CandidateErasure, { description: "Erases every application of this e-mail address in the organization, with files and the audit trail's personal data; leaves a tombstone with a salted hash of the address. Idempotent." })
  @Requires('applications.erase')
  async eraseCandidateData(@Arg('email') email: string, @Ctx() ctx: GraphQLContext): Promise<CandidateErasure> {
    return Object.assign(new CandidateErasure(), await this.candidateData.erase(scopeOf(ctx), email));
  }

  // A mutation, not a query: it is audited and hands out fresh signed links.
  @Mutation(() => GraphQLJSONObject, { description: 'Everything held about this e-mail address as one JSON document: applications, answers, consent records, file metadata with signed links that expire in 24 hours. Audited.' })
  @Requires('applications.export')
  exportCandidateData(@Arg('email') email: string, @Ctx() ctx: GraphQLContext) {
    return this.candidateData.export(scopeOf(ctx), email);
  }

  @Mutation(() => Application, { description: 'An application on legal hold is exempt from the retention period.' })
  @Requires('applications.hold')
  setApplicationLegalHold(@Arg('id', () => ID) id: string, @Arg('hold') hold: boolean, @Ctx() ctx: GraphQLContext) {
    return this.candidateData.setLegalHold(scopeOf(ctx), id, hold);
  }
}

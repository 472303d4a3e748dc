import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Requires } from '../../graphql/permissions';
import { ApplicationFile } from './application-file.types';

/** Seconds a resume download link stays valid. */
export const DOWNLOAD_URL_TTL_SECONDS = 300;

@Resolver(() => ApplicationFile)
export class ApplicationFileResolver {
  /**
   * A field-level permission: without applications.download this one field is
   * FORBIDDEN (and null) while the rest of the application still resolves.
   */
  @FieldResolver(() => String, { nullable: true, description: 'A signed GET /files/:id link, valid for 5 minutes. Needs applications.download.' })
  @Requires('applications.download')
  downloadUrl(@Root() file: ApplicationFile, @Ctx() ctx: GraphQLContext): string {
    return ctx.services.uploads.signedUrl(file.id, DOWNLOAD_URL_TTL_SECONDS);
  }
}

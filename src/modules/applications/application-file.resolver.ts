import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Requires } from '../../graphql/permissions';
import { ApplicationFile } from './application-file.types';
import type { UploadService } from '../uploads';

/** Seconds a resume download link stays valid. */
export const DOWNLOAD_URL_TTL_SECONDS = 300;

@Resolver(() => ApplicationFile)
export class ApplicationFileResolver {
  constructor(private readonly uploads: UploadService) {}

  /**
   * A field-level permission: without applications.download this one field is
   * FORBIDDEN (and null) while the rest of the application still resolves.
   */
  @FieldResolver(() => String, { nullable: true, description: 'A signed GET /files/:id link, valid for 5 minutes. Needs applications.download.' })
  @Requires('applications.download')
  downloadUrl(@Root() file: ApplicationFile): string {
    return this.uploads.signedUrl(file.id, DOWNLOAD_URL_TTL_SECONDS);
  }
}

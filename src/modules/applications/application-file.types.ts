import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { StoredFile } from '../uploads';

/**
 * A file attached to an application (the resume). Its own type rather than
 * StoredFile, so the permission-guarded `downloadUrl` exists only where the
 * applications.download permission means something.
 */
@ObjectType()
export class ApplicationFile {
  @Field(() => ID)
  id!: string;

  @Field()
  filename!: string;

  @Field({ description: 'Detected from the content at upload time.' })
  contentType!: string;

  @Field(() => Int, { description: 'Bytes.' })
  size!: number;

  @Field({ description: 'SHA-256 of the content, hex.' })
  sha256!: string;

  static from(file: StoredFile): ApplicationFile {
    return Object.assign(new ApplicationFile(), { id: file.id, filename: file.filename, contentType: file.contentType, size: file.size, sha256: file.sha256 });
  }
}

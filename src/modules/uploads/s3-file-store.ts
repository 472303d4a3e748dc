import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import type { FileStore, ListedObject, ObjectWrite } from './file-store';

export interface S3FileStoreOptions {
  bucket: string;
  /** Unset: AWS's own endpoint for `region`. Set for any S3-compatible service (MinIO, R2, Ceph, …). */
  endpoint?: string;
  region: string;
  /** Unset: the AWS SDK's default chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `bucket` in the path rather than the host name; most self-hosted services need it. */
  forcePathStyle: boolean;
  /** Prepended to every object key, so a bucket can be shared with other data. */
  prefix: string;
  /** Bytes per multipart part (at least 5 MiB, S3's minimum): the memory one upload may hold. */
  partSize?: number;
}

const MIN_PART_BYTES = 5 * 1024 * 1024;

/**
 * Objects in any S3-compatible bucket, named by file id. Uploads stream through
 * `@aws-sdk/lib-storage` (a single PUT for a small file, a multipart upload past
 * one part, one part in flight at a time), which aborts the multipart upload if the
 * body fails, so no partial object stays behind.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  readonly keyedBy = 'id';
  private readonly client: S3Client;

  constructor(private readonly options: S3FileStoreOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      credentials: options.credentials,
      forcePathStyle: options.forcePathStyle,
      // Checksums only where S3 requires them: many S3-compatible services reject the newer default trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(body: Readable, write: ObjectWrite): Promise<{ key: string; created: boolean }> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: this.objectKey(write.id), Body: body, ContentType: 'application/octet-stream' },
      partSize: Math.max(MIN_PART_BYTES, this.options.partSize ?? MIN_PART_BYTES),
      queueSize: 1,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      // A failed body may still have completed a single-PUT object only if the SDK sent it; make sure nothing stays.
      await this.delete([write.id]).catch(() => undefined);
      throw err;
    }
    return { key: write.id, created: true };
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return (result.Body as Readable | undefined) ?? null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  /** One DELETE per object: batch DeleteObjects needs a Content-MD5 that not every S3-compatible service accepts in the SDK's newer checksum form. */
  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
  }

  async *list(): AsyncIterable<ListedObject[]> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: this.options.prefix || undefined, ContinuationToken: token }),
      );
      const objects = (page.Contents ?? [])
        .filter((o) => o.Key?.startsWith(this.options.prefix))
        .map((o) => ({ key: o.Key!.slice(this.options.prefix.length), modifiedAt: o.LastModified ?? new Date() }));
      if (objects.length) yield objects;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    return `${this.options.prefix}${key}`;
  }
}

function isMissing(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata.httpStatusCode === 404);
}

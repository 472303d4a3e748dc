import type { Knex } from '@mikro-orm/postgresql';
import type { FileStoreConfig } from '../../config';
import { ConfigError } from '../../config';
import type { FileStore } from './file-store';
import { FsFileStore } from './fs-file-store';
import { PostgresFileStore } from './postgres-file-store';
import { S3FileStore } from './s3-file-store';

/** The store `kind` names, configured from `config` (the running one, or the target of `files:migrate`). */
export function createFileStore(kind: FileStoreConfig['kind'], config: FileStoreConfig, knex: Knex): FileStore {
  if (kind === 'fs') return new FsFileStore(config.fsRoot);
  if (kind === 'postgres') return new PostgresFileStore(knex);
  const s3 = config.s3;
  if (!s3) throw new ConfigError('the s3 file store needs JOBGATE_S3_BUCKET (and usually JOBGATE_S3_ENDPOINT, _REGION, _ACCESS_KEY_ID, _SECRET_ACCESS_KEY)');
  return new S3FileStore({
    bucket: s3.bucket,
    endpoint: s3.endpoint,
    region: s3.region,
    credentials: s3.accessKeyId && s3.secretAccessKey ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } : undefined,
    forcePathStyle: s3.forcePathStyle,
    prefix: s3.prefix,
  });
}

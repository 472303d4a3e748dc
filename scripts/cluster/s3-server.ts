import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export interface S3Server {
  endpoint: string;
  bucket: string;
  /** The variables that point an instance (or the CLI) at this server. */
  env: Record<string, string>;
  /** Every object key in the bucket. */
  keys(): Promise<string[]>;
  /** Kills the server (an outage); its files stay. */
  stop(): Promise<void>;
  /** Starts it again on the same port over the same files. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver: S3's REST API over files in a temporary
 * directory) on 127.0.0.1 and a free port, with one bucket. Requests go through
 * the real AWS SDK, signatures and all.
 */
export async function startS3Server(bucket = 'jobgate-files'): Promise<S3Server> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'jobgate-s3-'));
  const serverOn = (port: number) => new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
  let server: S3rver | null = serverOn(0);
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver accepts only its own fixed credentials.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  return {
    endpoint,
    bucket,
    env: {
      JOBGATE_FILE_STORE: 's3',
      JOBGATE_S3_ENDPOINT: endpoint,
      JOBGATE_S3_BUCKET: bucket,
      JOBGATE_S3_REGION: 'us-east-1',
      JOBGATE_S3_ACCESS_KEY_ID: credentials.accessKeyId,
      JOBGATE_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      JOBGATE_S3_FORCE_PATH_STYLE: 'true',
      JOBGATE_S3_PREFIX: 'files/',
    },
    async keys() {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (page.Contents ?? []).map((o) => o.Key!).sort();
    },
    async stop() {
      // Kill, not drain: close() alone waits for keep-alive sockets, which busy clients never leave idle.
      const closing = server?.close();
      (server as unknown as { httpServer?: { closeAllConnections(): void } } | null)?.httpServer?.closeAllConnections();
      await closing;
      server = null;
    },
    async start() {
      if (server) return;
      server = serverOn(port);
      await server.run();
    },
    async close() {
      client.destroy();
      await server?.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

// The peer of the public-postings bench: PostGraphile 5 as its docs set it up for
// production (Amber preset, grafserv on node:http, no GraphiQL, no watch, no
// explain), over one schema that holds only the bench's view. Run directly by the
// Node 22 of this folder's own package (PostGraphile 5 needs Node >= 22; Node 22
// strips the types itself, so: erasable TypeScript only, no enums or parameter
// properties). The packages are imported by computed name so that the root
// typecheck passes on a clone where this folder is not installed; the small
// interfaces below are the only parts of their API used here.
//
//   DATABASE_URL=… PEER_SCHEMA=bench_peer node postgraphile-server.ts
//
// Prints one JSON line {"url": "http://127.0.0.1:<port>/graphql"} once it listens;
// stops on SIGTERM.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface PostGraphileInstance {
  createServ(grafserv: unknown): { addTo(server: Server): Promise<void> };
  release(): Promise<void>;
}
const peerImport = <T>(name: string) => import(String(name)) as Promise<T>;
const { postgraphile } = await peerImport<{ postgraphile(preset: object): PostGraphileInstance }>('postgraphile');
const { makePgService } = await peerImport<{ makePgService(options: object): object }>('postgraphile/adaptors/pg');
const { grafserv } = await peerImport<{ grafserv: unknown }>('postgraphile/grafserv/node');
const { PostGraphileAmberPreset } = await peerImport<{ PostGraphileAmberPreset: object }>('postgraphile/presets/amber');

const connectionString = process.env.DATABASE_URL;
const schema = process.env.PEER_SCHEMA;
if (!connectionString || !schema) {
  process.stderr.write('postgraphile-server: DATABASE_URL and PEER_SCHEMA are required\n');
  process.exit(2);
}

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  // The same pool size as the Jobgate side (bench-app.ts: poolMax 10).
  pgServices: [makePgService({ connectionString, schemas: [schema], poolConfig: { max: 10 } })],
  grafserv: { graphiql: false, watch: false },
  grafast: { explain: false },
});
const server = createServer();
try {
  await pgl.createServ(grafserv).addTo(server);
} catch (err) {
  process.stderr.write(`postgraphile-server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
}
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${port}/graphql` }) + '\n');
});

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  pgl.release().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});

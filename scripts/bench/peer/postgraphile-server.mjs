// The peer of the public-postings bench: PostGraphile 5 as its docs set it up for
// production (Amber preset, grafserv on node:http, no GraphiQL, no watch, no
// explain), over one schema that holds only the bench's view. Plain JavaScript run
// by the Node 22 of this folder's own package (PostGraphile 5 needs Node >= 22, the
// product stays on Node 20), so it needs no build step and no TypeScript loader.
//
//   DATABASE_URL=… PEER_SCHEMA=bench_peer node postgraphile-server.mjs
//
// Prints one JSON line {"url": "http://127.0.0.1:<port>/graphql"} once it listens;
// stops on SIGTERM.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const connectionString = process.env.DATABASE_URL;
const schema = process.env.PEER_SCHEMA;
if (!connectionString || !schema) {
  process.stderr.write('postgraphile-server: DATABASE_URL and PEER_SCHEMA are required\n');
  process.exit(2);
}

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  // The same pool size as the Jobgate side (bench-app.ts: poolMax 10).
  pgServices: [makePgService({ connectionString, schemas: [schema], poolConfig: { max: 10 } })],
  grafserv: { graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).then(
  () =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${address.port}/graphql` }) + '\n');
    }),
  (err) => {
    process.stderr.write(`postgraphile-server: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  pgl.release().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});

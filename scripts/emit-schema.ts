/**
 * Writes schema/*.graphql from the code (`npm run schema:emit`), or with --check
 * fails when the committed files differ (`npm run schema:check`, run in CI).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { schemaFiles } from '../src/app/schemas';

const check = process.argv.includes('--check');
let drift = false;
for (const [file, build] of Object.entries(schemaFiles)) {
  const target = path.join('schema', file);
  const sdl = `# Generated from code by \`npm run schema:emit\`. Do not edit.\n\n${printSchema(build())}\n`;
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (check) {
    if (current !== sdl) {
      drift = true;
      process.stderr.write(`${target} differs from the code: run npm run schema:emit and commit it\n`);
    }
  } else {
    fs.mkdirSync('schema', { recursive: true });
    fs.writeFileSync(target, sdl);
    process.stdout.write(`wrote ${target}\n`);
  }
}
process.exit(drift ? 1 : 0);

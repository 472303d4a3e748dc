import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123092903_init } from './Migration20261123092903_init';

/**
 * Migrations are listed explicitly (rather than discovered by glob) so the same
 * list works from TypeScript in tests and scripts and from compiled JavaScript.
 * Append new migrations at the end.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123092903_init', class: Migration20261123092903_init },
];

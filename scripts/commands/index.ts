import type { Command } from './command';
import { filesMigrate } from './files-migrate';
import { orgCreate } from './org-create';
import { seed } from './seed';
import { userResetPassword } from './user-reset-password';

export type { Command } from './command';

export const commands: Record<string, Command> = {
  'files:migrate': filesMigrate,
  'org:create': orgCreate,
  seed,
  'user:reset-password': userResetPassword,
};

import type { Services } from '../../src/app/services';
import { orgCreate } from './org-create';
import { seed } from './seed';

export interface Command {
  usage: string;
  /** Returns the one JSON value the command prints. Throws AppError for bad input. */
  run(services: Services, args: string[]): Promise<unknown>;
}

export const commands: Record<string, Command> = {
  'org:create': orgCreate,
  seed,
};

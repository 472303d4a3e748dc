import type { Services } from '../../src/app/services';

/** One CLI command. Its own file, so the command list and the commands do not import each other. */
export interface Command {
  usage: string;
  /** Returns the one JSON value the command prints. Throws AppError for bad input. */
  run(services: Services, args: string[]): Promise<unknown>;
}

import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticator';
import type { Config } from '../config';
import type { ContextServices } from '../graphql/context';
import type { Metrics } from './metrics';

/**
 * What the HTTP plumbing needs from an instance. http/ knows no module: the composition
 * root passes its whole service container, which satisfies this shape.
 */
export interface HttpServices extends ContextServices {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  metrics: Metrics;
  authenticator: Authenticator;
}

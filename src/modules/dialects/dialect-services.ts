import type { MikroORM } from '@mikro-orm/postgresql';
import type { Authenticator } from '../../auth/authenticator';
import type { Config } from '../../config';
import type { DomainEventBus } from '../../events';
import type { ApplyService } from '../applications';
import type { PublicResponseCache } from '../public-cache';
import type { UploadService } from '../uploads';

/** What the Lever and Greenhouse dialects use of an instance; the composition root passes its container. */
export interface DialectServices {
  config: Config;
  orm: MikroORM;
  authenticator: Authenticator;
  applicationIntake: ApplyService;
  uploads: UploadService;
  publicCache: PublicResponseCache;
  events: DomainEventBus;
}

import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import type { DomainEventBus } from '../../events';
import type { ApplyService } from '../applications';
import type { PrivacyNoticeService } from '../data-rights';
import type { PublicResponseCache } from '../public-cache';
import type { UploadService } from '../uploads';

/** What the hosted career pages use of an instance; the composition root passes its container. */
export interface CareerServices {
  config: Config;
  orm: MikroORM;
  masterKey: Buffer;
  applicationIntake: ApplyService;
  uploads: UploadService;
  publicCache: PublicResponseCache;
  events: DomainEventBus;
  privacyNotices: Pick<PrivacyNoticeService, 'current'>;
}

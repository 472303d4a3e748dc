import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal, RequestMeta } from './principal';

/** What a service needs from a request: its ORM fork, who is calling, and from where. */
export interface Scope {
  em: EntityManager;
  principal: Principal;
  meta: RequestMeta;
}

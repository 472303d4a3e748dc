import type { Logger } from 'pino';

/**
 * The domain events of one instance, emitted after the change they describe has
 * committed. Services emit them; the composition root subscribes cache eviction,
 * NOTIFY, the public response cache and CORS.
 */
export interface DomainEvents {
  /** A credential was created, edited, rotated, revoked, reactivated or deleted. */
  'credential.changed': { credentialId: string };
  /** Postings of an organization changed in a way public readers can see. */
  'postings.changed': { organizationId: string };
  /** An organization's settings changed. */
  'settings.changed': { organizationId: string };
  /** An application was taken in (public apply through any dialect, or an import); never for a replayed Idempotency-Key. */
  'application.created': { organizationId: string; applicationId: string; postingId: string };
}

type Listener<T> = (payload: T) => Promise<void> | void;

/**
 * A tiny typed emitter, one per instance (no module-level singleton). Listeners run
 * in order; a failing listener is logged, never turned into a failure of the write
 * that already committed.
 */
export class DomainEventBus {
  private readonly listeners = new Map<keyof DomainEvents, Listener<never>[]>();

  constructor(private readonly logger: Pick<Logger, 'error'>) {}

  on<E extends keyof DomainEvents>(event: E, listener: Listener<DomainEvents[E]>): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as Listener<never>);
    this.listeners.set(event, list);
  }

  async emit<E extends keyof DomainEvents>(event: E, payload: DomainEvents[E]): Promise<void> {
    for (const listener of (this.listeners.get(event) ?? []) as Listener<DomainEvents[E]>[]) {
      try {
        await listener(payload);
      } catch (err) {
        this.logger.error({ err, event, ...(payload as object) } as Record<string, unknown>, 'domain event listener failed');
      }
    }
  }
}

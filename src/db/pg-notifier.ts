import type { Logger } from 'pino';
import createPostgresSubscriber, { type Subscriber } from 'pg-listen';

export type NotificationHandler = (payload: string) => void;

/** Shown in pg_stat_activity, so operators (and tests) can tell the LISTEN connection apart. */
export const NOTIFIER_APPLICATION_NAME = 'jobgate-notifier';

/**
 * One dedicated PostgreSQL connection per instance that LISTENs on every channel a
 * module subscribes to, so a change made on any instance reaches all of them (cache
 * eviction on revocation, response-cache invalidation).
 *
 * `pg-listen` keeps the connection: it reconnects (retrying forever, every second),
 * LISTENs again on every channel, and checks the connection every 30 s, which also
 * finds a connection that died silently. After a reconnect every subscriber is told to
 * drop everything, since notifications sent while disconnected were lost.
 */
export class PgNotifier {
  private readonly subscriber: Subscriber<Record<string, string>>;
  private readonly resetHandlers = new Set<() => void>();
  private connecting: Promise<void> | null = null;
  private connectedOnce = false;
  private closed = false;

  constructor(connectionString: string, logger: Logger) {
    this.subscriber = createPostgresSubscriber(
      { connectionString, application_name: NOTIFIER_APPLICATION_NAME },
      // Payloads are plain text, not JSON; retry without a deadline (the default gives up after 3 s).
      { parse: (payload: string) => payload, retryInterval: 1_000, retryLimit: Infinity, retryTimeout: 0, paranoidChecking: 30_000 },
    );
    this.subscriber.events.on('reconnect', (attempt: number) => {
      if (attempt === 1) logger.warn('notification connection lost; reconnecting');
    });
    this.subscriber.events.on('error', (err: Error) => logger.warn({ err }, 'notification connection failed'));
    this.subscriber.events.on('connected', () => {
      // The first `connected` is the initial connect; any later one follows a reconnect.
      if (!this.connectedOnce) {
        this.connectedOnce = true;
        return;
      }
      for (const reset of this.resetHandlers) reset();
    });
  }

  /** Subscribes to `channel`; `onReset` runs after a reconnect, when notifications may have been missed. */
  async subscribe(channel: string, handler: NotificationHandler, onReset?: () => void): Promise<void> {
    assertChannel(channel);
    if (this.closed) return;
    this.subscriber.notifications.on(channel, (payload: string | undefined) => handler(payload ?? ''));
    if (onReset) this.resetHandlers.add(onReset);
    await this.ensureConnected();
    await this.subscriber.listenTo(channel);
  }

  /**
   * Sends a NOTIFY on this connection, outside any transaction: it writes no WAL, so it
   * holds PostgreSQL's notification-queue lock for a moment only. A NOTIFY inside a
   * change's transaction would hold that lock until the commit is flushed, serializing
   * every notifying commit (measured: updatePosting at about half its rate with 3 webhook subscribers).
   */
  async notify(channel: string): Promise<void> {
    assertChannel(channel);
    if (this.closed) return;
    await this.ensureConnected();
    await (this.subscriber.notify as (channel: string) => Promise<unknown>)(channel);
  }

  private ensureConnected(): Promise<void> {
    this.connecting ??= this.subscriber.connect();
    return this.connecting;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.connecting) await this.subscriber.close().catch(() => undefined);
  }
}

function assertChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
}

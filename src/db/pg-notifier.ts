import type { Logger } from 'pino';
import pg from 'pg';

export type NotificationHandler = (payload: string) => void;

const RECONNECT_DELAY_MS = 1_000;

/**
 * One dedicated PostgreSQL connection per instance that LISTENs on every channel
 * a module subscribes to, so a change made on any instance reaches all of them
 * (cache eviction on revocation, response-cache invalidation). Reconnects on error;
 * after a reconnect every subscriber is told to drop everything, since notifications
 * sent while disconnected were lost.
 */
export class PgNotifier {
  private client: pg.Client | null = null;
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private readonly resetHandlers = new Set<() => void>();
  private closed = false;
  private connecting: Promise<void> | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {}

  /** Subscribes to `channel`; `onReset` runs after a reconnect, when notifications may have been missed. */
  async subscribe(channel: string, handler: NotificationHandler, onReset?: () => void): Promise<void> {
    assertChannel(channel);
    let set = this.handlers.get(channel);
    const isNew = !set;
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    if (onReset) this.resetHandlers.add(onReset);
    await this.ensureConnected();
    if (isNew && this.client) await this.client.query(`LISTEN ${channel}`);
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', (err) => {
      this.logger.warn({ err }, 'notification connection lost; reconnecting');
      this.client = null;
      void client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.reconnect(), RECONNECT_DELAY_MS).unref();
    });
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    this.client = client;
  }

  private async reconnect(): Promise<void> {
    try {
      await this.ensureConnected();
      for (const reset of this.resetHandlers) reset();
    } catch (err) {
      this.logger.warn({ err }, 'notification reconnect failed; retrying');
      if (!this.closed) setTimeout(() => void this.reconnect(), RECONNECT_DELAY_MS).unref();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

function assertChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
}


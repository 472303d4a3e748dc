import type { Logger } from 'pino';
import type { PgNotifier } from '../../db/pg-notifier';

/** Every instance's pump LISTENs here. */
const DUE_CHANNEL = 'jobgate_webhook_due';

/**
 * "Webhook messages are due": sent after a change that wrote messages has committed,
 * and heard by the pumps of every instance. Sent on the notifier's own connection, not
 * in the change's transaction (see PgNotifier.notify). Signals raised while one is on its
 * way fold into one more, so a burst of changes costs a NOTIFY or two, not one each.
 */
export class WebhookDueSignal {
  private sending: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly notifier: PgNotifier,
    private readonly logger: Logger,
  ) {}

  send(): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = this.notifier
      .notify(DUE_CHANNEL)
      // Lost: the minute's recovery task finds the messages overdue and signals again.
      .catch((err: unknown) => this.logger.warn({ err }, 'webhook due signal not sent'))
      .finally(() => {
        this.sending = null;
        if (this.again) {
          this.again = false;
          this.send();
        }
      });
  }

  /** `onSignal` runs on every signal; `onReset` after the connection was lost (signals may have been missed). */
  listen(onSignal: () => void, onReset: () => void): Promise<void> {
    return this.notifier.subscribe(DUE_CHANNEL, onSignal, onReset);
  }
}

import { Counter, type Registry } from 'prom-client';

/** The search engines Jobgate notifies (the pulled feeds need no notice). */
export type NoticeDestination = 'INDEXNOW' | 'GOOGLE';

/** sent: the engine took it; refused: it will not (retrying is pointless); retried: it could not take it now, another attempt follows. */
export type NoticeOutcome = 'sent' | 'refused' | 'retried';

/** `jobgate_search_notices_total{destination, outcome}`: one count per URL. */
export class NoticeMetrics {
  private readonly notices: Counter<'destination' | 'outcome'>;

  constructor(registry: Registry) {
    this.notices = new Counter({
      name: 'jobgate_search_notices_total',
      help: 'Search-engine notices (one per posting URL) by destination and outcome.',
      labelNames: ['destination', 'outcome'],
      registers: [registry],
    });
  }

  record(destination: NoticeDestination, outcome: NoticeOutcome, count: number): void {
    if (count > 0) this.notices.inc({ destination, outcome }, count);
  }
}

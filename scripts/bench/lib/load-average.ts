import os from 'node:os';

/** One reading of the 1-minute load average, at the start or end of a timed phase. */
export interface LoadSample {
  phase: string;
  at: 'before' | 'after';
  loadAverage: number;
}

/** Where the readings come from; tests hand in their own machine. */
export interface LoadSource {
  loadAverage(): number;
  cores: number;
}

export const thisMachine = (): LoadSource => ({ loadAverage: () => os.loadavg()[0]!, cores: os.cpus().length });

/**
 * The 1-minute load average before and after each timed phase of one benchmark run.
 * A figure measured while the load exceeded the core count was measured against
 * other work for the CPUs (on the shared 2-core machine: other engineers' tests),
 * so the report writer uses this to refuse it, or mark it noisy (lib/report.ts).
 */
export class LoadWatch {
  readonly samples: LoadSample[] = [];

  constructor(private readonly source: LoadSource = thisMachine()) {}

  get cores(): number {
    return this.source.cores;
  }

  record(phase: string, at: LoadSample['at']): void {
    this.samples.push({ phase, at, loadAverage: this.source.loadAverage() });
  }

  /** Runs one timed phase between two readings (the second also when it throws). */
  async phase<T>(name: string, run: () => Promise<T>): Promise<T> {
    this.record(name, 'before');
    try {
      return await run();
    } finally {
      this.record(name, 'after');
    }
  }

  /** The highest reading so far (0 before any). */
  get peak(): number {
    return this.samples.reduce((max, s) => Math.max(max, s.loadAverage), 0);
  }

  /** True when any reading exceeded the number of cores. */
  get overloaded(): boolean {
    return this.peak > this.cores;
  }

  /** One line for the report: the readings of each phase, in the order they ran. */
  summary(): string {
    const runs: { name: string; before?: number; after?: number }[] = [];
    for (const s of this.samples) {
      const open = s.at === 'after' ? runs.findLast((r) => r.name === s.phase && r.after === undefined) : undefined;
      if (open) open.after = s.loadAverage;
      else runs.push({ name: s.phase, [s.at]: s.loadAverage });
    }
    const each = runs.map(({ name, before, after }) => `${name} ${before?.toFixed(2) ?? '?'} → ${after?.toFixed(2) ?? '?'}`);
    return `Load average (1 min) before → after each timed phase, on ${this.cores} cores: ${each.join('; ') || 'no timed phase'}; peak ${this.peak.toFixed(2)}.`;
  }
}

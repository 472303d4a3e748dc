import os from 'node:os';
import { othersLoad, procCpuAccounting, type CpuAccounting, type CpuReading } from './cpu-accounting';

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
  /** CPU counters of the machine and of this benchmark's own processes; absent or null where /proc is not there. */
  cpu?: CpuAccounting;
}

export const thisMachine = (): LoadSource => ({ loadAverage: () => os.loadavg()[0]!, cores: os.cpus().length, cpu: procCpuAccounting() });

/**
 * Other processes may use at most this share of the machine's CPUs during a timed phase
 * for its figures to count as quiet: an idle Debian box with its services running uses
 * about 1 %; another engineer's test run uses 50–100 %.
 */
export const QUIET_SHARE_OF_CORES = 0.1;

/** What other processes used during one timed phase, in CPUs' worth (see cpu-accounting.ts). */
export interface OthersSample {
  phase: string;
  othersLoad: number;
}

/**
 * Watches each timed phase of one benchmark run for competition from other work.
 *
 * Where Linux's /proc is readable it measures it directly: the CPU time that processes
 * outside this benchmark's own tree (server, load generator, embedded PostgreSQL) took
 * during the phase. The 1-minute load average cannot do that job alone: a benchmark that
 * saturates the machine pushes it over the core count by itself. The load average is
 * still read before and after each phase and written next to the figures; where /proc
 * is not available, it is the gate (over the core count means noisy).
 */
export class LoadWatch {
  readonly samples: LoadSample[] = [];
  readonly others: OthersSample[] = [];

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
    const cpuBefore: CpuReading | null = this.source.cpu?.read() ?? null;
    try {
      return await run();
    } finally {
      const cpuAfter = cpuBefore ? (this.source.cpu?.read() ?? null) : null;
      if (cpuBefore && cpuAfter) this.others.push({ phase: name, othersLoad: othersLoad(cpuBefore, cpuAfter, this.cores) });
      this.record(name, 'after');
    }
  }

  /** The highest load-average reading so far (0 before any). */
  get peak(): number {
    return this.samples.reduce((max, s) => Math.max(max, s.loadAverage), 0);
  }

  /** The most CPU other processes took during one phase (null when it could not be measured). */
  get peakOthers(): number | null {
    return this.others.length === 0 ? null : this.others.reduce((max, s) => Math.max(max, s.othersLoad), 0);
  }

  /** True when other work competed for the CPUs during a timed phase. */
  get overloaded(): boolean {
    const others = this.peakOthers;
    return others === null ? this.peak > this.cores : others > QUIET_SHARE_OF_CORES * this.cores;
  }

  /** Why the run counts as noisy, in words for the report and the console. */
  get noisyBecause(): string {
    const others = this.peakOthers;
    return others === null
      ? `the 1-minute load average reached ${this.peak.toFixed(2)} on ${this.cores} cores`
      : `other processes used up to ${others.toFixed(2)} of ${this.cores} CPUs during a timed phase (quiet means under ${(QUIET_SHARE_OF_CORES * this.cores).toFixed(2)})`;
  }

  /** A short mark for each row of a noisy table. */
  get noisyMark(): string {
    const others = this.peakOthers;
    return others === null ? `yes: load ${this.peak.toFixed(2)} > ${this.cores} cores` : `yes: others used ${others.toFixed(2)} of ${this.cores} CPUs`;
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
    const load = `Load average (1 min) before → after each timed phase, on ${this.cores} cores: ${each.join('; ') || 'no timed phase'}; peak ${this.peak.toFixed(2)}.`;
    const others = this.peakOthers;
    if (others === null) return load;
    return (
      `${load} The load average includes this benchmark's own processes; ` +
      `CPU used by other processes during the timed phases (from /proc, in CPUs): peak ${others.toFixed(2)} of ${this.cores}.`
    );
  }
}

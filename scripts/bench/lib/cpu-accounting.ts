import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * CPU time spent by the whole machine and by this benchmark's own process tree, read
 * from Linux's /proc. A benchmark that saturates a 2-core machine drives the 1-minute
 * load average over the core count by itself (server, load generator and PostgreSQL
 * backends are all runnable), so the load average cannot tell a quiet machine from a
 * busy one; the difference between the two CPU counters can: it is what every process
 * outside the tree (another engineer's tests, a build, a hypervisor neighbour's steal)
 * took from the CPUs while we measured.
 */
export interface CpuReading {
  /** Busy ticks of all CPUs: user + nice + system + steal (not idle or I/O wait). */
  machineBusy: number;
  /** Every tick of all CPUs, busy or not: the denominator of a share. */
  machineTotal: number;
  /** utime + stime of the tree's living processes, plus cutime + cstime (children they reaped). */
  ours: number;
}

export interface CpuAccounting {
  read(): CpuReading | null;
}

/** The root of "ours": run.ts passes its pid down, so the embedded PostgreSQL it starts for a smoke run counts too. */
export const BENCH_ROOT_PID_ENV = 'JOBGATE_BENCH_ROOT_PID';

function machineTicks(): { busy: number; total: number } {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user).
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = cpu;
  return { busy: user + nice + system + steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
}

interface ProcessTicks {
  pid: number;
  ppid: number;
  ticks: number;
}

/** Linux's clock ticks per second, the unit of /proc's CPU times. */
export const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** The fields of /proc/<pid>/stat a benchmark reads; CPU times in clock ticks. */
interface ProcStat {
  command: string;
  ppid: number;
  utime: number;
  stime: number;
  /** CPU time of children the process waited for. */
  cutime: number;
  cstime: number;
}

/** /proc/<pid>/stat, or null when the process is gone (between a directory listing and the read, say). */
export function readProcStat(pid: number | string): ProcStat | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name is in parentheses and may hold spaces; the fields start after its last ')'.
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [number, number, number, number];
  return { command: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(fields[1]), utime, stime, cutime, cstime };
}

function processTicks(pid: number): ProcessTicks | null {
  const stat = readProcStat(pid);
  return stat && { pid, ppid: stat.ppid, ticks: stat.utime + stat.stime + stat.cutime + stat.cstime };
}

function treeTicks(root: number): number {
  const all = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => processTicks(Number(name)))
    .filter((p): p is ProcessTicks => p !== null);
  const children = new Map<number, ProcessTicks[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let total = all.find((p) => p.pid === root)?.ticks ?? 0;
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      total += child.ticks;
      queue.push(child.pid);
    }
  }
  return total;
}

/** /proc accounting rooted at `root` (run.ts's pid when it started this benchmark); null off Linux. */
export function procCpuAccounting(root = Number(process.env[BENCH_ROOT_PID_ENV] ?? process.pid)): CpuAccounting {
  const available = fs.existsSync('/proc/stat') && fs.existsSync(`/proc/${root}/stat`);
  return {
    read: () => {
      if (!available) return null;
      const machine = machineTicks();
      return { machineBusy: machine.busy, machineTotal: machine.total, ours: treeTicks(root) };
    },
  };
}

/**
 * The CPUs' worth (0 … cores) that processes outside the tree used between two readings:
 * their share of all ticks times the number of cores, comparable with a load average.
 */
export function othersLoad(before: CpuReading, after: CpuReading, cores: number): number {
  const total = after.machineTotal - before.machineTotal;
  if (total <= 0) return 0;
  const others = after.machineBusy - before.machineBusy - (after.ours - before.ours);
  return (Math.max(0, others) / total) * cores;
}

/**
 * CPU milliseconds (utime + stime) of every living process whose command name is
 * `command`, e.g. "postgres": the postmaster and its backends. A backend that exits
 * between two readings takes its ticks with it, so read around phases that keep their
 * connections (pools) open.
 */
export function commandCpuMs(command: string): number {
  let ticks = 0;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(name);
    if (stat?.command === command) ticks += stat.utime + stat.stime;
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { procCpuAccounting } from '../../scripts/bench/lib/cpu-accounting';
import { LoadWatch } from '../../scripts/bench/lib/load-average';
import { table, writeFigures } from '../../scripts/bench/lib/report';

/** A machine whose 1-minute load average is whatever the test says next. */
function machine(cores: number, readings: number[]) {
  let i = 0;
  return new LoadWatch({ cores, loadAverage: () => readings[Math.min(i++, readings.length - 1)]! });
}

async function measuredUnder(watch: LoadWatch): Promise<string> {
  await watch.phase('ours', async () => undefined);
  await watch.phase('theirs', async () => undefined);
  return ['## Depth of data', '', 'Intro line.', '', table(['query', 'ms'], [['plain', 1.5], ['search', 2.5]])].join('\n');
}

describe('the load-average gate of docs/BENCHMARKS.md', () => {
  let dir: string;
  let file: string;
  let original: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobgate-bench-gate-'));
    file = path.join(dir, 'BENCHMARKS.md');
    fs.copyFileSync('docs/BENCHMARKS.md', file);
    original = fs.readFileSync(file, 'utf8');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses to write when the load average exceeded the core count and --noisy was not given', async () => {
    const watch = machine(2, [1.2, 3.7, 1.9, 1.1]);
    const outcome = writeFigures('depth', await measuredUnder(watch), { watch, noisy: false }, file);
    expect(outcome).toBe('refused');
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
  });

  it('writes the figures marked noisy, under the heading and in every table row, with --noisy', async () => {
    const watch = machine(2, [1.2, 3.7, 1.9, 1.1]);
    const outcome = writeFigures('depth', await measuredUnder(watch), { watch, noisy: true }, file);
    expect(outcome).toBe('written, marked noisy');
    const written = fs.readFileSync(file, 'utf8');
    const section = written.slice(written.indexOf('<!-- bench:depth -->'), written.indexOf('<!-- /bench:depth -->'));
    expect(section).toContain('## Depth of data\n\n> **Noisy figures** (written with `--noisy`): the 1-minute load average reached 3.70 on 2 cores');
    expect(section).toContain('| query | ms | noisy |\n| --- | --- | --- |\n| plain | 1.5 | yes: load 3.70 > 2 cores |\n| search | 2.5 | yes: load 3.70 > 2 cores |');
    expect(section).toContain('before → after each timed phase, on 2 cores: ours 1.20 → 3.70; theirs 1.90 → 1.10; peak 3.70.');
    // Only this section changed: everything outside its markers is as it was.
    const outside = (text: string) => text.slice(0, text.indexOf('<!-- bench:depth -->')) + text.slice(text.indexOf('<!-- /bench:depth -->'));
    expect(outside(written)).toBe(outside(original));
  });

  it('writes a quiet run as it is, with the load readings and no noisy mark', async () => {
    const watch = machine(2, [0.4, 1.1, 0.9, 2.0]);
    const outcome = writeFigures('depth', await measuredUnder(watch), { watch, noisy: false }, file);
    expect(outcome).toBe('written');
    const written = fs.readFileSync(file, 'utf8');
    expect(written).toContain('<!-- bench:depth -->\n## Depth of data\n\nIntro line.\n\n| query | ms |\n| --- | --- |\n| plain | 1.5 |');
    expect(written).toContain('ours 0.40 → 1.10; theirs 0.90 → 2.00; peak 2.00.');
    expect(written.slice(written.indexOf('<!-- bench:depth -->'), written.indexOf('<!-- /bench:depth -->'))).not.toMatch(/noisy/i);
  });

  it('counts a reading taken when a phase throws', async () => {
    const watch = machine(2, [0.5, 2.5]);
    await expect(watch.phase('boom', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(watch.samples.map((s) => s.at)).toEqual(['before', 'after']);
    expect(watch.overloaded).toBe(true);
  });
});

/** A machine whose /proc counters are whatever the test says next (ticks: busy, total, ours). */
function countedMachine(cores: number, readings: [busy: number, total: number, ours: number][], loadAverage = 3.5) {
  let i = 0;
  const cpu = {
    read: () => {
      const [machineBusy, machineTotal, ours] = readings[Math.min(i++, readings.length - 1)]!;
      return { machineBusy, machineTotal, ours };
    },
  };
  return new LoadWatch({ cores, loadAverage: () => loadAverage, cpu });
}

describe('the gate where /proc tells which CPU time was the benchmark’s own', () => {
  it('calls a run quiet when the benchmark itself saturated the machine, whatever the load average says', async () => {
    // 200 ticks passed on 2 CPUs; the machine was busy 196 of them and our tree used 194.
    const watch = countedMachine(2, [[1000, 5000, 300], [1196, 5200, 494]]);
    await watch.phase('saturating', async () => undefined);
    expect(watch.peak).toBe(3.5);
    expect(watch.peakOthers).toBeCloseTo(0.02, 5);
    expect(watch.overloaded).toBe(false);
    expect(watch.summary()).toContain('CPU used by other processes during the timed phases (from /proc, in CPUs): peak 0.02 of 2.');
  });

  it('calls a run noisy when other processes took more than a tenth of the CPUs in any phase', async () => {
    const watch = countedMachine(2, [[0, 0, 0], [100, 200, 98], [100, 200, 98], [290, 400, 188]]);
    await watch.phase('quiet one', async () => undefined);
    await watch.phase('shared one', async () => undefined);
    expect(watch.others.map((o) => o.phase)).toEqual(['quiet one', 'shared one']);
    expect(watch.peakOthers).toBeCloseTo(1.0, 5);
    expect(watch.overloaded).toBe(true);
    expect(watch.noisyMark).toBe('yes: others used 1.00 of 2 CPUs');
  });

  it('counts a real process outside the tree as another’s, from this machine’s /proc', async () => {
    if (!fs.existsSync('/proc/stat')) return expect(fs.existsSync('/proc/stat')).toBe(false);
    // The tree is an idle `sleep`; a sibling burning one CPU is, to it, a neighbour.
    const idleRoot = spawn('sleep', ['30']);
    const burner = spawn(process.execPath, ['-e', 'const end = Date.now() + 1500; while (Date.now() < end);']);
    try {
      const watch = new LoadWatch({ cores: os.cpus().length, loadAverage: () => os.loadavg()[0]!, cpu: procCpuAccounting(idleRoot.pid) });
      await watch.phase('sibling burns', () => new Promise((resolve) => setTimeout(resolve, 1000)));
      expect(watch.peakOthers).toBeGreaterThan(0.5);
      expect(watch.overloaded).toBe(true);
    } finally {
      idleRoot.kill();
      burner.kill();
    }
  });
});

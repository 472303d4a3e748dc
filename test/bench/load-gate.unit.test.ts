import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

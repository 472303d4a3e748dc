import fs from 'node:fs';
import os from 'node:os';
import type { LoadWatch } from './load-average';

export const BENCHMARKS_FILE = 'docs/BENCHMARKS.md';

/** The exit code of a benchmark that measured but refused to write (load over the core count, no --noisy); run.ts reports it apart from failures. */
export const NOT_WRITTEN_EXIT_CODE = 3;

export function machineLine(postgresVersion: string): string {
  return `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; PostgreSQL ${postgresVersion}; measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Replaces (or appends) one section of the benchmarks file between markers, so each
 * benchmark script rewrites its own figures and leaves the others alone.
 */
export function writeSection(id: string, markdown: string, file = BENCHMARKS_FILE): void {
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\nWritten by `npm run bench` (scripts/bench). Every figure is a ratio against a raw baseline measured in the same run.\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}

/** Every markdown table of the section gets a last column saying its figures are noisy, so no row can be quoted without it. */
function markTablesNoisy(markdown: string, note: string): string {
  const lines = markdown.split('\n');
  return lines
    .map((line, i) => {
      if (!line.startsWith('|')) return line;
      const isSeparator = /^\|(\s*-+\s*\|)+$/.test(line);
      const isHeader = !isSeparator && /^\|(\s*-+\s*\|)+$/.test(lines[i + 1] ?? '');
      return `${line} ${isSeparator ? '--- |' : isHeader ? 'noisy |' : `${note} |`}`;
    })
    .join('\n');
}

export type WriteOutcome = 'written' | 'written, marked noisy' | 'refused';

/**
 * The one way figures reach docs/BENCHMARKS.md. The section always ends with the
 * load average read before and after each timed phase, and the CPU other processes
 * took meanwhile. When other work competed for the CPUs (load-average.ts), the figures are
 * refused (the file is left as it was) unless `noisy` (--noisy) is set, and then the
 * section says so under its heading and in every table.
 */
export function writeFigures(id: string, markdown: string, gate: { watch: LoadWatch; noisy: boolean }, file = BENCHMARKS_FILE): WriteOutcome {
  const { watch } = gate;
  if (watch.overloaded && !gate.noisy) return 'refused';
  let body = `${markdown.trimEnd()}\n\n${watch.summary()}`;
  if (watch.overloaded) {
    const note = watch.noisyMark;
    const banner = `> **Noisy figures** (written with \`--noisy\`): ${watch.noisyBecause} during this run, so other work competed for the CPUs. Do not compare them with quiet runs.`;
    const marked = markTablesNoisy(body, note).split('\n');
    const heading = marked.findIndex((line) => line.startsWith('#'));
    marked.splice(heading + 1, 0, '', banner);
    body = marked.join('\n');
  }
  writeSection(id, body, file);
  return watch.overloaded ? 'written, marked noisy' : 'written';
}

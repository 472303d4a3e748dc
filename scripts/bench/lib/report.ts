import fs from 'node:fs';
import os from 'node:os';

const FILE = 'docs/BENCHMARKS.md';

export function machineLine(postgresVersion: string): string {
  return `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; PostgreSQL ${postgresVersion}; measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Replaces (or appends) one section of docs/BENCHMARKS.md between markers, so each
 * benchmark script rewrites its own figures and leaves the others alone.
 */
export function writeSection(id: string, markdown: string): void {
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmarks\n\nWritten by `npm run bench` (scripts/bench). Every figure is a ratio against a raw baseline measured in the same run.\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(FILE, next);
}

import type { FieldProblem } from './errors';

/**
 * Text PostgreSQL cannot store or compare: NUL is refused in `text`, a lone UTF-16
 * surrogate in `jsonb`. Either would surface as a 500 from deep inside a query, so
 * every edge (GraphQL, the REST and HTML surfaces, cursors) refuses it up front
 * with this one rule.
 */

/** A lone UTF-16 surrogate (a paired one is a single code point under the `u` flag and does not match). */
const LONE_SURROGATE = /\p{Cs}/u;

export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it contains a lone UTF-16 surrogate)';
  return null;
}

/**
 * Every bad string in a value, walked without recursion (5 000 levels cost linear
 * time), each named by its path: `root.key[1].other`, or `key…` when root is empty.
 * Keys are checked too: they become field names in errors and JSON columns.
 */
export function textProblemsIn(value: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: [string, unknown][] = [[root, value]];
  while (stack.length > 0) {
    const [path, current] = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) problems.push({ field: path || 'body', message: problem });
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push([`${path}[${i}]`, item]));
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const [key, child] of Object.entries(current)) {
        const keyProblem = textProblem(key);
        const name = keyProblem ? JSON.stringify(key) : key;
        if (keyProblem) problems.push({ field: path ? `${path}.${name}` : name, message: `has a name that ${keyProblem}` });
        else stack.push([path ? `${path}.${key}` : key, child]);
      }
    }
  }
  return problems;
}

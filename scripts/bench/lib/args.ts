/** `--name value` from argv, as a positive integer, or the fallback. */
export function intFlag(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} wants a positive integer, got "${argv[at + 1]}"`);
  return n;
}

export const hasFlag = (argv: string[], name: string) => argv.includes(`--${name}`);

/** `--name value` from argv, one of `allowed`, or the fallback. */
export function choiceFlag<T extends string>(argv: string[], name: string, allowed: readonly T[], fallback: T): T {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = argv[at + 1] as T;
  if (!allowed.includes(value)) throw new Error(`--${name} wants one of ${allowed.join(', ')}, got "${argv[at + 1]}"`);
  return value;
}

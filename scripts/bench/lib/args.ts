/** `--name value` from argv, as a positive integer, or the fallback. */
export function intFlag(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} wants a positive integer, got "${argv[at + 1]}"`);
  return n;
}

export const hasFlag = (argv: string[], name: string) => argv.includes(`--${name}`);

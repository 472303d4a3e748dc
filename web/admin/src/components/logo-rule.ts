export const MAX_LOGO_BYTES = 500 * 1024;

/** The browser's half of the logo rule (the server checks again): a PNG under 500 KB. */
export function logoProblem(file: File | null): string | undefined {
  if (!file) return undefined;
  if (file.type !== 'image/png') return 'The logo must be a PNG image';
  if (file.size >= MAX_LOGO_BYTES) return `The logo must be under 500 KB (this one is ${Math.ceil(file.size / 1024)} KB)`;
  return undefined;
}

import { BadInputError, type FieldProblem } from '../../errors';
import type { UpdateOrganizationSettingsInput } from './organization.inputs';

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && value.length <= 2048;
  } catch {
    return false;
  }
}

/** An origin is exactly scheme://host[:port], with nothing after it. */
export function isOrigin(value: string): boolean {
  try {
    return isHttpUrl(value) && new URL(value).origin === value;
  } catch {
    return false;
  }
}

/** The board's introduction is a short paragraph, not a second job description. */
export const MAX_INTRO = 1000;

export function validateSettings(input: UpdateOrganizationSettingsInput): void {
  const problems: FieldProblem[] = [];
  const days = input.maxCredentialLifetimeDays;
  if (days != null && (days < 1 || days > 3650)) problems.push({ field: 'maxCredentialLifetimeDays', message: 'must be between 1 and 3650' });
  if (input.careersSiteUrl && !isHttpUrl(input.careersSiteUrl)) problems.push({ field: 'careersSiteUrl', message: 'must be an http(s) URL' });
  if (input.allowedOrigins) {
    if (input.allowedOrigins.length > 50) problems.push({ field: 'allowedOrigins', message: 'must have at most 50 entries' });
    input.allowedOrigins.forEach((origin, i) => {
      if (!isOrigin(origin)) problems.push({ field: `allowedOrigins[${i}]`, message: 'must be an origin like https://careers.example.com' });
    });
  }
  if (input.intro && input.intro.trim().length > MAX_INTRO) problems.push({ field: 'intro', message: `must be at most ${MAX_INTRO} characters` });
  if (problems.length) throw new BadInputError(problems);
}

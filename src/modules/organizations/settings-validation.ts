import { BadInputError, type FieldProblem } from '../../errors';
import { normalizeOrigin } from '../../http/origin';
import type { UpdateOrganizationSettingsInput } from './organization.inputs';
import type { OrganizationSettings } from './organization-settings';

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && value.length <= 2048;
  } catch {
    return false;
  }
}

/** The board's introduction is a short paragraph, not a second job description. */
export const MAX_INTRO = 1000;

/** Checks `input` alone and, for the two retention periods, against the settings it changes (`current`). */
export function validateSettings(input: UpdateOrganizationSettingsInput, current?: Pick<OrganizationSettings, 'applicationRetentionDays' | 'consentedRetentionDays'>): void {
  const problems: FieldProblem[] = [];
  for (const field of ['applicationRetentionDays', 'consentedRetentionDays'] as const) {
    const value = input[field];
    if (value != null && (value < 1 || value > 3650)) problems.push({ field, message: 'must be between 1 and 3650' });
  }
  if (input.clearApplicationRetention && (input.applicationRetentionDays != null || input.consentedRetentionDays != null)) {
    problems.push({ field: 'clearApplicationRetention', message: 'cannot be combined with a retention period' });
  } else if (!input.clearApplicationRetention) {
    const base = input.applicationRetentionDays ?? current?.applicationRetentionDays ?? null;
    const longer = input.consentedRetentionDays ?? current?.consentedRetentionDays ?? null;
    // A consent to longer storage must not shorten it; and it extends a period that exists.
    if (longer != null && base == null) problems.push({ field: 'consentedRetentionDays', message: 'needs applicationRetentionDays' });
    else if (longer != null && base != null && longer < base) problems.push({ field: 'consentedRetentionDays', message: `must be at least applicationRetentionDays (${base})` });
  }
  const days = input.maxCredentialLifetimeDays;
  if (days != null && (days < 1 || days > 3650)) problems.push({ field: 'maxCredentialLifetimeDays', message: 'must be between 1 and 3650' });
  if (input.careersSiteUrl && !isHttpUrl(input.careersSiteUrl)) problems.push({ field: 'careersSiteUrl', message: 'must be an http(s) URL' });
  if (input.allowedOrigins) {
    if (input.allowedOrigins.length > 50) problems.push({ field: 'allowedOrigins', message: 'must have at most 50 entries' });
    input.allowedOrigins.forEach((origin, i) => {
      if (!normalizeOrigin(origin)) problems.push({ field: `allowedOrigins[${i}]`, message: 'must be an exact origin like https://careers.example.com (http or https, host and optional port; no wildcard, path, query, fragment or user name)' });
    });
  }
  if (input.intro && input.intro.trim().length > MAX_INTRO) problems.push({ field: 'intro', message: `must be at most ${MAX_INTRO} characters` });
  if (input.linkedinCompanyId && !/^\d{1,20}$/.test(input.linkedinCompanyId)) problems.push({ field: 'linkedinCompanyId', message: 'must be the digits of a LinkedIn company id (at most 20)' });
  if (problems.length) throw new BadInputError(problems);
}

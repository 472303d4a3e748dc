import type { UpdateOrganizationSettingsInput } from '../../gql/graphql';

export interface RetentionDraft {
  days: number | '';
  consentedDays: number | '';
}

const MAX_DAYS = 3650;

function rangeProblem(label: string, value: number | ''): string | undefined {
  if (value === '') return undefined;
  return Number.isInteger(value) && value >= 1 && value <= MAX_DAYS ? undefined : `${label} must be a whole number from 1 to ${MAX_DAYS}`;
}

/** The API's rules, checked before sending so each message sits under its own field. */
export function validateRetention(draft: RetentionDraft): Partial<Record<keyof RetentionDraft, string>> {
  const problems: Partial<Record<keyof RetentionDraft, string>> = {};
  const days = rangeProblem('Days to keep applications', draft.days);
  const consented = rangeProblem('Days to keep with consent', draft.consentedDays);
  if (days) problems.days = days;
  if (consented) problems.consentedDays = consented;
  else if (draft.consentedDays !== '' && draft.days === '') problems.consentedDays = 'Days to keep with consent needs days to keep applications';
  else if (draft.consentedDays !== '' && draft.days !== '' && draft.consentedDays < draft.days) problems.consentedDays = `Days to keep with consent must be at least days to keep applications (${draft.days})`;
  return problems;
}

/**
 * The settings update for a valid draft. The API sets each period it is given and clears
 * both only together, so emptying the longer period alone sends it equal to the base one:
 * the same effect as "use applicationRetentionDays" without a second, non-atomic call.
 */
export function retentionInput(draft: RetentionDraft, savedConsentedDays: number | null): UpdateOrganizationSettingsInput {
  if (draft.days === '') return { clearApplicationRetention: true };
  if (draft.consentedDays !== '') return { applicationRetentionDays: draft.days, consentedRetentionDays: draft.consentedDays };
  return savedConsentedDays == null ? { applicationRetentionDays: draft.days } : { applicationRetentionDays: draft.days, consentedRetentionDays: draft.days };
}

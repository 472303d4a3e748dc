import ipaddr from 'ipaddr.js';
import { BadInputError, type FieldProblem } from '../../errors';
import { isCatalogId } from '../../auth/catalog';
import { partnerById } from '../../auth/partners';
import { presetById } from '../../auth/presets';

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 500;
export const RATE_LIMIT_MAX = 100_000;
export const MAX_PREVIOUS_SECRET_TTL_SECONDS = 7 * 24 * 60 * 60;
const DAY_MS = 24 * 60 * 60 * 1000;

export function checkName(name: string | null | undefined, field = 'name'): FieldProblem[] {
  const trimmed = (name ?? '').trim();
  if (trimmed.length < 1 || trimmed.length > NAME_MAX) return [{ field, message: `must be 1 to ${NAME_MAX} characters` }];
  return [];
}

export function checkDescription(description: string | null | undefined): FieldProblem[] {
  if (description != null && description.length > DESCRIPTION_MAX) return [{ field: 'description', message: `must be at most ${DESCRIPTION_MAX} characters` }];
  return [];
}

export function checkOperations(operations: readonly string[], field = 'operations'): FieldProblem[] {
  const unknown = operations.filter((id) => !isCatalogId(id));
  return unknown.length ? [{ field, message: `unknown operation ids: ${unknown.join(', ')} (see apiEndpoints)` }] : [];
}

/** The union of explicit operations, presets and partner, with unknown ids reported per field. */
export function resolveGrant(input: { operations?: string[] | null; presetIds?: string[] | null; partnerId?: string | null }): {
  operations: string[];
  problems: FieldProblem[];
} {
  const problems = checkOperations(input.operations ?? []);
  const ops = new Set(input.operations ?? []);
  const unknownPresets: string[] = [];
  for (const id of input.presetIds ?? []) {
    const preset = presetById(id);
    if (!preset) unknownPresets.push(id);
    else preset.operations.forEach((op) => ops.add(op));
  }
  if (unknownPresets.length) problems.push({ field: 'presetIds', message: `unknown presets: ${unknownPresets.join(', ')} (see permissionPresets)` });
  if (input.partnerId != null) {
    const partner = partnerById(input.partnerId);
    if (!partner) problems.push({ field: 'partnerId', message: `unknown partner ${input.partnerId} (see integrationPartners)` });
    else partner.operations.forEach((op) => ops.add(op));
  }
  return { operations: [...ops].filter(isCatalogId).sort(), problems };
}

/** Normalises each CIDR (a bare address becomes /32 or /128). */
export function normalizeCidrs(cidrs: readonly string[]): { cidrs: string[]; problems: FieldProblem[] } {
  const out: string[] = [];
  const bad: string[] = [];
  for (const raw of cidrs) {
    const value = raw.trim();
    try {
      const [addr, bits] = value.includes('/') ? ipaddr.parseCIDR(value) : [ipaddr.parse(value), undefined];
      const prefix = bits ?? (addr.kind() === 'ipv4' ? 32 : 128);
      out.push(`${addr.toString()}/${prefix}`);
    } catch {
      bad.push(raw);
    }
  }
  const problems = bad.length ? [{ field: 'allowedCidrs', message: `not valid CIDRs: ${bad.join(', ')}` }] : [];
  if (cidrs.length > 100) problems.push({ field: 'allowedCidrs', message: 'at most 100 entries' });
  return { cidrs: [...new Set(out)], problems };
}

/** Expiry must be in the future and within the organization's lifetime policy (required when the policy is set). */
export function checkExpiry(expiresAt: Date | null | undefined, maxLifetimeDays: number | null, now = new Date(), required = true): FieldProblem[] {
  if (expiresAt == null) {
    return maxLifetimeDays != null && required
      ? [{ field: 'expiresAt', message: `is required: the organization limits keys to ${maxLifetimeDays} days` }]
      : [];
  }
  if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now.getTime()) return [{ field: 'expiresAt', message: 'must be in the future' }];
  if (maxLifetimeDays != null && expiresAt.getTime() > now.getTime() + maxLifetimeDays * DAY_MS) {
    return [{ field: 'expiresAt', message: `must be within ${maxLifetimeDays} days (the organization's maxCredentialLifetimeDays)` }];
  }
  return [];
}

export function checkRateLimit(value: number | null | undefined): FieldProblem[] {
  if (value == null) return [];
  if (!Number.isInteger(value) || value < 1 || value > RATE_LIMIT_MAX) return [{ field: 'rateLimitPerMinute', message: `must be 1 to ${RATE_LIMIT_MAX}` }];
  return [];
}

export function checkPreviousSecretTtl(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_PREVIOUS_SECRET_TTL_SECONDS) {
    throw BadInputError.field('previousSecretTtlSeconds', `must be 0 to ${MAX_PREVIOUS_SECRET_TTL_SECONDS} (7 days)`);
  }
}

export function throwIfProblems(problems: FieldProblem[]): void {
  if (problems.length) throw new BadInputError(problems);
}

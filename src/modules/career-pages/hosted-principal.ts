import type { Principal } from '../../auth/principal';

/**
 * Who applies through the hosted form: the organization's own career page. It is
 * a postings-key-like principal (public applies, resume uploads) without a
 * credential, so the apply limiter counts it in its own per-organization bucket
 * (`key:<organizationId>`) next to the per-IP one, and a busy custom career site
 * never starves the hosted one or the other way round.
 */
export function hostedPagePrincipal(organizationId: string): Principal {
  return {
    organizationId,
    kind: 'POSTINGS_KEY',
    grants: new Set(),
    allowConfidential: false,
    displayName: 'Hosted career page',
  };
}

import type { Role } from './role';

export type PrincipalKind = 'USER' | 'DATA_KEY' | 'POSTINGS_KEY';

/** Who is calling, resolved once per request. Everything downstream asks this, never the headers. */
export interface Principal {
  organizationId: string;
  kind: PrincipalKind;
  /** The effective catalog operation ids this principal may run. */
  grants: ReadonlySet<string>;
  allowConfidential: boolean;
  /** A display name for audit and attribution: the user's name or the key's name. */
  displayName: string;
  userId?: string;
  role?: Role;
  canManageApiCredentials?: boolean;
  sessionId?: string;
  credentialId?: string;
  /** From the On-Behalf-Of header of a data key's request, once validated. */
  onBehalfOfUserId?: string;
}

/** Where the request came from, for audit events and IP allowlists. */
export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Who calls on a route that names its organization by slug (the hosted career page,
 * the drop-in APIs' reads, the feed): the organization's own public page. It is a
 * postings-key-like principal (public reads, public applies, resume uploads) without a
 * credential, so the apply limiter counts it in its own per-organization bucket
 * (`key:<organizationId>`) next to the per-IP one, and a busy custom career site
 * never starves the hosted one or the other way round.
 */
export function organizationPagePrincipal(organizationId: string): Principal {
  return {
    organizationId,
    kind: 'POSTINGS_KEY',
    grants: new Set(),
    allowConfidential: false,
    displayName: 'Hosted career page',
  };
}

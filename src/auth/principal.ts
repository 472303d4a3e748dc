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

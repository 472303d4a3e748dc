import { ForbiddenError } from '../errors';
import type { Principal } from './principal';
import { Role } from './role';
import { canManageCredentials } from './role-grants';

/** Who a humans-only operation admits, beyond being a signed-in user. */
export type HumanCondition = 'anyUser' | 'superAdmin' | 'credentialManager';

/** One permission decision: allowed, or refused with the error a transport answers. */
export type Authorization = { ok: true } | { ok: false; code: 'FORBIDDEN'; message: string; error: ForbiddenError };

const ALLOWED: Authorization = { ok: true };

function refuse(message: string, extensions: Record<string, unknown>): Authorization {
  return { ok: false, code: 'FORBIDDEN', message, error: new ForbiddenError(message, extensions) };
}

/** Does the principal (a user's role or a data key's grants) hold `operationId`? */
export function authorizeOperation(principal: Principal, operationId: string): Authorization {
  if (principal.grants.has(operationId)) return ALLOWED;
  const who = principal.kind === 'USER' ? `Your role ${principal.role}` : 'This API key';
  return refuse(`${who} is not granted ${operationId}`, { missingOperation: operationId });
}

/** Is the principal a signed-in user meeting `condition`? API keys never are. */
export function authorizeHuman(principal: Principal, condition: HumanCondition): Authorization {
  if (principal.kind !== 'USER') return refuse('This operation is for signed-in users only; API keys cannot call it', { rule: condition });
  if (condition === 'superAdmin' && principal.role !== Role.SUPER_ADMIN) return refuse('Only a Super Admin can do this', { rule: condition });
  if (condition === 'credentialManager' && !canManageCredentials(principal.role!, principal.canManageApiCredentials ?? false)) {
    return refuse('Only a Super Admin or a user allowed to manage API credentials can do this', { rule: condition });
  }
  return ALLOWED;
}

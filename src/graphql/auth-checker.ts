import type { AuthCheckerFn } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { canManageCredentials } from '../auth/role-grants';
import { Role } from '../auth/role';
import type { UsageOutcome } from '../auth/operation-usage';
import { loaderFor, type GraphQLContext } from './context';
import { HUMANS_RULE_PREFIX, OPERATION_RULE_PREFIX, RULE_PUBLIC, type HumanCondition } from './permissions';

const HUMANS_ONLY_MESSAGE = 'This operation is for signed-in users only; API keys cannot call it';

function checkHuman(ctx: GraphQLContext, condition: HumanCondition): void {
  const principal = ctx.principal!;
  if (principal.kind !== 'USER') throw new ForbiddenError(HUMANS_ONLY_MESSAGE, { rule: condition });
  if (condition === 'superAdmin' && principal.role !== Role.SUPER_ADMIN) {
    throw new ForbiddenError('Only a Super Admin can do this', { rule: condition });
  }
  if (condition === 'credentialManager' && !canManageCredentials(principal.role!, principal.canManageApiCredentials ?? false)) {
    throw new ForbiddenError('Only a Super Admin or a user allowed to manage API credentials can do this', { rule: condition });
  }
}

/**
 * Counts a data key's check once per request and operation (a field rule such as
 * Application.resume.downloadUrl runs once per row; it is still one call). In memory only.
 */
function countKeyUse(ctx: GraphQLContext, operationId: string, outcome: UsageOutcome): void {
  const principal = ctx.principal!;
  if (principal.kind !== 'DATA_KEY' || !principal.credentialId) return;
  const seen = loaderFor(ctx, 'operation-usage-seen', () => new Set<string>());
  const key = outcome + operationId;
  if (seen.has(key)) return;
  seen.add(key);
  ctx.services.operationUsage.record(principal.credentialId, operationId, outcome);
}

function checkOperation(ctx: GraphQLContext, operationId: string): void {
  const principal = ctx.principal!;
  if (principal.grants.has(operationId)) {
    countKeyUse(ctx, operationId, 'ALLOWED');
    return;
  }
  countKeyUse(ctx, operationId, 'REFUSED');
  const who = principal.kind === 'USER' ? `Your role ${principal.role}` : 'This API key';
  throw new ForbiddenError(`${who} is not granted ${operationId}`, { missingOperation: operationId });
}

/** Enforces the declarations of graphql/permissions.ts on every operation and field. */
export const authChecker: AuthCheckerFn<GraphQLContext> = ({ context }, rules) => {
  for (const rule of rules) {
    if (rule === RULE_PUBLIC) continue;
    if (!context.principal) throw new UnauthenticatedError();
    if (rule.startsWith(OPERATION_RULE_PREFIX)) checkOperation(context, rule.slice(OPERATION_RULE_PREFIX.length));
    else if (rule.startsWith(HUMANS_RULE_PREFIX)) checkHuman(context, rule.slice(HUMANS_RULE_PREFIX.length) as HumanCondition);
    else throw new Error(`Unknown authorization rule ${rule}`);
  }
  return true;
};

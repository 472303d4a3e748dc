import type { AuthCheckerFn } from 'type-graphql';
import { authorizeHuman, authorizeOperation, type Authorization, type HumanCondition } from '../auth/authorize';
import type { UsageOutcome } from '../auth/operation-usage';
import { UnauthenticatedError } from '../errors';
import { loaderFor, type GraphQLContext } from './context';
import { HUMANS_RULE_PREFIX, OPERATION_RULE_PREFIX, RULE_PUBLIC } from './permissions';

function enforce(decision: Authorization): void {
  if (!decision.ok) throw decision.error;
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

/** The permission package decides; this adapter counts a key's use of the operation and throws a refusal. */
function checkOperation(ctx: GraphQLContext, operationId: string): void {
  const decision = authorizeOperation(ctx.principal!, operationId);
  countKeyUse(ctx, operationId, decision.ok ? 'ALLOWED' : 'REFUSED');
  enforce(decision);
}

/** Adapts the declarations of graphql/permissions.ts to the permission package (auth/authorize.ts). */
export const authChecker: AuthCheckerFn<GraphQLContext> = ({ context }, rules) => {
  for (const rule of rules) {
    if (rule === RULE_PUBLIC) continue;
    const principal = context.principal;
    if (!principal) throw new UnauthenticatedError();
    if (rule.startsWith(OPERATION_RULE_PREFIX)) checkOperation(context, rule.slice(OPERATION_RULE_PREFIX.length));
    else if (rule.startsWith(HUMANS_RULE_PREFIX)) enforce(authorizeHuman(principal, rule.slice(HUMANS_RULE_PREFIX.length) as HumanCondition));
    else throw new Error(`Unknown authorization rule ${rule}`);
  }
  return true;
};

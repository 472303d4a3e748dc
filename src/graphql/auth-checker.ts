import type { AuthCheckerFn } from 'type-graphql';
import { authorizeHuman, authorizeOperation, type Authorization, type HumanCondition } from '../auth/authorize';
import { UnauthenticatedError } from '../errors';
import type { GraphQLContext } from './context';
import { HUMANS_RULE_PREFIX, OPERATION_RULE_PREFIX, RULE_PUBLIC } from './permissions';

function enforce(decision: Authorization): void {
  if (!decision.ok) throw decision.error;
}

/** Adapts the declarations of graphql/permissions.ts to the permission package (auth/authorize.ts). */
export const authChecker: AuthCheckerFn<GraphQLContext> = ({ context }, rules) => {
  for (const rule of rules) {
    if (rule === RULE_PUBLIC) continue;
    const principal = context.principal;
    if (!principal) throw new UnauthenticatedError();
    if (rule.startsWith(OPERATION_RULE_PREFIX)) enforce(authorizeOperation(principal, rule.slice(OPERATION_RULE_PREFIX.length)));
    else if (rule.startsWith(HUMANS_RULE_PREFIX)) enforce(authorizeHuman(principal, rule.slice(HUMANS_RULE_PREFIX.length) as HumanCondition));
    else throw new Error(`Unknown authorization rule ${rule}`);
  }
  return true;
};

import { Authorized } from 'type-graphql';
import type { HumanCondition } from '../auth/authorize';

/**
 * The three ways an admin operation declares who may call it. Each is a
 * type-graphql @Authorized rule string read by graphql/auth-checker.ts; the
 * declaration tests walk type-graphql's metadata for these strings.
 */
export const RULE_PUBLIC = 'public';
export const OPERATION_RULE_PREFIX = 'op:';
export const HUMANS_RULE_PREFIX = 'humans:';

/** Callable by users whose role grants `operationId`, and by data keys granted it. */
export const Requires = (operationId: string) => Authorized(`${OPERATION_RULE_PREFIX}${operationId}`);

/** Callable only by signed-in users meeting `condition`; API keys are always refused. */
export const HumansOnly = (condition: HumanCondition) => Authorized(`${HUMANS_RULE_PREFIX}${condition}`);

/** Callable without credentials (login). */
export const Public = () => Authorized(RULE_PUBLIC);

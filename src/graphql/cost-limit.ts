import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';

/**
 * Cost of one page of the heaviest legitimate list (100 API credentials with every console
 * field: 15 209) with room for a second, smaller root field; two full pages of anything
 * heavy are refused.
 */
export const MAX_QUERY_COST = 20_000;

const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);

function intNode(value: number): ValueNode {
  return { kind: Kind.INT, value: String(value) };
}

/** A page size as armor's cost rule counts it: a non-negative integer, else nothing (validation reports it). */
function pageSize(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * The document with every `first`/`last` written as the number execution will use: the variable's
 * value (or its default), or the schema's default when the argument is left out. graphql-armor's cost
 * rule multiplies a list by `first` only when it is a literal, so without this `first: $n` with n = 100
 * cost a hundredth of `first: 100`, and an omitted `first` (default 20) cost one page of one.
 */
export function inlinePageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): DocumentNode {
  const defaults = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  const variableValue = (name: string): ValueNode | undefined => {
    const given = pageSize(variables[name]);
    if (given !== undefined) return intNode(given);
    return name in variables ? undefined : defaults.get(name);
  };
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        // On leave the field's definition is still current, and returning a node replaces the field.
        leave(node: FieldNode): FieldNode | undefined {
          const definition = typeInfo.getFieldDef();
          if (!definition || !node.selectionSet) return undefined;
          const pageArgs = definition.args.filter((arg) => PAGE_SIZE_ARGUMENTS.has(arg.name));
          if (pageArgs.length === 0) return undefined;
          const args: ArgumentNode[] = (node.arguments ?? []).map((arg) => {
            if (!PAGE_SIZE_ARGUMENTS.has(arg.name.value) || arg.value.kind !== Kind.VARIABLE) return arg;
            const value = variableValue(arg.value.name.value);
            return value ? { ...arg, value } : arg;
          });
          for (const arg of pageArgs) {
            const size = pageSize(arg.defaultValue);
            if (size === undefined || args.some((a) => a.name.value === arg.name)) continue;
            args.push({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: arg.name }, value: intNode(size) });
          }
          return { ...node, arguments: args };
        },
      },
    }),
  );
}

/** The document's cost by graphql-armor's rule, or null when the document does not validate (Apollo reports that). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): number | null {
  let cost: number | null = null;
  const rule = costLimitRule({
    maxCost: Number.POSITIVE_INFINITY,
    propagateOnRejection: false,
    onAccept: [(_context, { n }) => void (cost = Math.max(cost ?? 0, n))],
  });
  // Only the cost rule: the document itself was validated already.
  const errors = validate(schema, inlinePageSizes(schema, document, variables), [rule]);
  return errors.length ? null : cost;
}

/** Distinct page-size combinations remembered per document; past it the cost is computed per request. */
const MAX_COSTS_PER_DOCUMENT = 64;

/** The variables a document passes as `first`/`last` (a superset of those inlinePageSizes reads). */
function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (PAGE_SIZE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names];
}

interface DocumentCosts {
  pageVariables: string[];
  byPageSizes: Map<string, number | null>;
}

/**
 * A document's cost depends on its variables only through its page sizes, so it is
 * remembered per document (Apollo's document store hands out one object per text)
 * and page-size combination, instead of walking the document twice per request.
 */
class CostMemo {
  private readonly documents = new WeakMap<DocumentNode, DocumentCosts>();

  cost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): number | null {
    let memo = this.documents.get(document);
    if (!memo) {
      memo = { pageVariables: pageSizeVariables(document), byPageSizes: new Map() };
      this.documents.set(document, memo);
    }
    // Absent, a page size, or given but not one (then the default does not apply): what inlinePageSizes distinguishes.
    const key = memo.pageVariables.map((name) => (name in variables ? (pageSize(variables[name]) ?? 'x') : '')).join(',');
    const known = memo.byPageSizes.get(key);
    if (known !== undefined) return known;
    const cost = queryCost(schema, document, variables);
    if (memo.byPageSizes.size < MAX_COSTS_PER_DOCUMENT) memo.byPageSizes.set(key, cost);
    return cost;
  }
}

/**
 * Refuses a request whose cost, with the page sizes it really asks for, exceeds `maxCost`. It runs
 * per request (after validation, which Apollo skips for a document it has seen), because the same
 * document costs differently with different variables.
 */
export function costLimitPlugin(maxCost: number = MAX_QUERY_COST): ApolloServerPlugin<BaseContext> {
  const memo = new CostMemo();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const cost = memo.cost(schema, document, request.variables ?? {});
          if (cost !== null && cost > maxCost) {
            throw new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${cost}: ask for smaller pages (first) or fewer fields.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', maxCost, cost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

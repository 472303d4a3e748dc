import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  Kind,
  TypeInfo,
  coerceInputValue,
  isInputType,
  typeFromAST,
  isNonNullType,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AppError, BadInputError, type FieldProblem } from '../errors';
import { toGraphQLError } from './to-graphql-error';
import { textProblem, textProblemsIn } from '../text-problems';

/**
 * Hostile input is refused here, once, for every field of both APIs, instead of in
 * each resolver: PostgreSQL rejects NUL in text and lone surrogates in jsonb, and
 * those would otherwise surface as INTERNAL_SERVER_ERROR from deep inside a write.
 */

/** Our deepest input (an apply's answers) nests 4 levels; anything far deeper is an attack on whatever walks it. */
export const MAX_VARIABLE_DEPTH = 32;

/**
 * Variables are walked without recursion, so a 5 000-level object is refused in
 * linear time before the response-cache key or Apollo touches it.
 */
export function assertSaneVariables(variables: unknown): void {
  const stack: [unknown, number][] = [[variables, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_VARIABLE_DEPTH) throw BadInputError.field('variables', `must not nest deeper than ${MAX_VARIABLE_DEPTH} levels`);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}

interface PersistedQueryExtension {
  version?: unknown;
  sha256Hash?: unknown;
}

/**
 * Automatic persisted queries: Apollo answers a wrong version or a hash that does not
 * match the query with an error that carries no code; check both first and name the field.
 */
export function assertSanePersistedQuery(query: unknown, extensions: unknown): void {
  const persisted = (extensions as { persistedQuery?: PersistedQueryExtension } | null | undefined)?.persistedQuery;
  if (persisted == null) return;
  if (persisted.version !== 1) throw BadInputError.field('extensions.persistedQuery.version', 'only version 1 is supported');
  if (typeof persisted.sha256Hash !== 'string' || !/^[0-9a-f]{64}$/.test(persisted.sha256Hash)) {
    throw BadInputError.field('extensions.persistedQuery.sha256Hash', 'must be the hex SHA-256 of the query');
  }
  if (typeof query === 'string' && createHash('sha256').update(query).digest('hex') !== persisted.sha256Hash) {
    throw BadInputError.field('extensions.persistedQuery.sha256Hash', 'does not match the SHA-256 of the query');
  }
}

/** Root fields named here may appear once per document: a second alias could fail after the first one committed. */
function rootFieldCounts(document: DocumentNode, operation: OperationDefinitionNode): Map<string, number> {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) counts.set(selection.name.value, (counts.get(selection.name.value) ?? 0) + 1);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  walk(operation.selectionSet);
  return counts;
}

/**
 * What a document says about hostile input whatever its variables, in document order:
 * bad string literals, and the places a variable fills a non-null input (where an
 * explicit null would reach the resolver); and where each variable is first used.
 */
interface DocumentChecks {
  checks: ({ literal: FieldProblem } | { nonNull: string; field: string })[];
  usedAt: Map<string, string>;
}

/**
 * Argument paths (`filter.search`) name the field in every problem: for string
 * literals where they are written, for variables where the variable is used.
 */
function documentChecks(schema: GraphQLSchema, document: DocumentNode): DocumentChecks {
  const checks: DocumentChecks['checks'] = [];
  const usedAt = new Map<string, string>();
  const path: string[] = [];
  const typeInfo = new TypeInfo(schema);
  const push = (node: { name: { value: string } }) => void path.push(node.name.value);
  const pop = () => void path.pop();
  const here = () => path.join('.') || 'query';
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument: { enter: push, leave: pop },
      ObjectField: { enter: push, leave: pop },
      VariableDefinition: { enter: (node) => void path.push(`$${node.variable.name.value}`), leave: pop },
      StringValue(node) {
        const problem = textProblem(node.value);
        if (problem) checks.push({ literal: { field: here(), message: problem } });
      },
      Variable(node, _key, parent) {
        if ((parent as ASTNode | undefined)?.kind === Kind.VARIABLE_DEFINITION) return;
        const name = node.name.value;
        if (!usedAt.has(name)) usedAt.set(name, here());
        // A nullable variable may fill a non-null argument that has a default; an explicit null would reach the resolver.
        if (isNonNullType(typeInfo.getInputType())) checks.push({ nonNull: name, field: here() });
      },
    }),
  );
  return { checks, usedAt };
}

function documentProblems(schema: GraphQLSchema, document: DocumentNode, checked: DocumentChecks, variables: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const check of checked.checks) {
    if ('literal' in check) problems.push(check.literal);
    else if (variables[check.nonNull] === null) problems.push({ field: check.field, message: 'must not be null' });
  }
  for (const [name, value] of Object.entries(variables)) problems.push(...textProblemsIn(value, checked.usedAt.get(name) ?? `$${name}`));
  if (problems.length === 0) problems.push(...variableValueProblems(schema, document, variables, checked.usedAt));
  return problems;
}

/**
 * Coerces each variable as execution will, so that a bad value (an out-of-range date,
 * an unknown enum value) is reported under the argument it fills (`filter.postedAfter`)
 * rather than as `$d`. Missing required variables are left to graphql-js's own message.
 */
function variableValueProblems(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, usedAt: Map<string, string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const name = variable.variable.name.value;
      const type = typeFromAST(schema, variable.type);
      if (!type || !isInputType(type) || variables[name] == null) continue;
      coerceInputValue(variables[name], type, (path, _invalid, error) => {
        const at = [usedAt.get(name) ?? `$${name}`, ...path].reduce((field, key) => (typeof key === 'number' ? `${field}[${key}]` : `${field}.${key}`));
        problems.push({ field: String(at), message: error.message });
      });
    }
  }
  return problems;
}

export interface RequestGuardOptions {
  /** Root mutation fields allowed at most once per request (applyToPosting). */
  oncePerRequest: readonly string[];
}

function refuse(problems: FieldProblem[]): never {
  throw toGraphQLError(new BadInputError(problems));
}

/** Runs after the one parse and validation of the document, before any resolver. */
export function requestGuardPlugin(options: RequestGuardOptions): ApolloServerPlugin<BaseContext> {
  // Per document (Apollo's document store hands out one object per text): the walks that do not depend on the variables.
  const checked = new WeakMap<DocumentNode, DocumentChecks>();
  const checksOf = (schema: GraphQLSchema, document: DocumentNode) => {
    let checks = checked.get(document);
    if (!checks) checked.set(document, (checks = documentChecks(schema, document)));
    return checks;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          try {
            if (!operation) return;
            if (operation.operation === 'subscription') refuse([{ field: 'subscription', message: 'subscriptions are not supported; send a query or a mutation' }]);
            const counts = rootFieldCounts(document, operation);
            const repeated = options.oncePerRequest.filter((name) => (counts.get(name) ?? 0) > 1);
            if (repeated.length) refuse(repeated.map((name) => ({ field: name, message: 'may appear only once per request; send one request per call' })));
            const problems = documentProblems(schema, document, checksOf(schema, document), request.variables ?? {});
            if (problems.length) refuse(problems);
          } catch (err) {
            if (err instanceof AppError) throw toGraphQLError(err);
            throw err;
          }
        },
      };
    },
  };
}

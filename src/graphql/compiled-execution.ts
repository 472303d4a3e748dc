import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getVariableValues, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** Compiled operations kept per schema: the public API sees a few dozen distinct documents, an attacker many more. */
const MAX_COMPILED = 500;
/** Requests of a document that run on graphql-js before it is compiled: compiling costs many executions (config: JOBGATE_COMPILE_AFTER). */
export const COMPILE_AFTER = 10;
/** Documents not yet compiled, with their request counts; a flood of rare documents churns only these. */
const MAX_COUNTED = 5000;

type Gateway = NonNullable<ApolloServerOptionsWithGateway<never>['gateway']>;
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutorRequest = Parameters<GatewayExecutor>[0];
export type ExecutorName = 'compiled' | 'graphql-js';

export interface CompiledExecutorOptions {
  /** The request of a document on which it is compiled (COMPILE_AFTER unless configured). */
  compileAfter?: number;
  /** Told which executor ran each request (the metrics counter). */
  observe?: (executor: ExecutorName) => void;
}

/**
 * Executes an operation with graphql-jit: each document (by Apollo's SHA-256 of its
 * text) and operation name is compiled once into JavaScript that walks the selection
 * directly, with no per-field path objects, argument coercion or resolver lookups.
 * Whatever graphql-jit words differently from graphql-js goes through graphql-js, so
 * a client sees the same bytes either way (test/graphql/compiled-execution.test.ts):
 * - variables graphql-js would refuse (its coercion messages are the ones clients see);
 * - an operation name that names no operation of the document;
 * - documents graphql-jit cannot compile;
 * - a document's first requests (see `compiledFor`).
 */
export class CompiledExecutor {
  private readonly compiled = new LRUCache<string, CompiledQuery | false>({ max: MAX_COMPILED });
  private readonly counted = new LRUCache<string, number>({ max: MAX_COUNTED });

  private readonly compileAfter: number;
  private readonly observe: (executor: ExecutorName) => void;

  constructor(
    private readonly schema: GraphQLSchema,
    options: CompiledExecutorOptions = {},
  ) {
    this.compileAfter = options.compileAfter ?? COMPILE_AFTER;
    this.observe = options.observe ?? (() => {});
  }

  async execute(request: ExecutorRequest): Promise<ExecutionResult> {
    const { document, operation, operationName, queryHash, context } = request;
    const variables = request.request.variables ?? {};
    const compiled = operation ? this.compiledFor(queryHash, operationName, document) : false;
    if (!compiled || 'errors' in getVariableValues(this.schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 })) {
      this.observe('graphql-js');
      // The client's operation name, not Apollo's resolved one (null when none matched): graphql-js must report the mismatch.
      return this.plain(document, request.request.operationName ?? null, variables, context);
    }
    this.observe('compiled');
    const result = await compiled.query(undefined, context, variables);
    // graphql-js puts `errors` before `data`; Apollo keeps the key order, so the bytes follow it.
    return result.errors ? { errors: result.errors.map(asGraphQLJsError), data: result.data } : { data: result.data };
  }

  private plain(document: DocumentNode, operationName: string | null, variableValues: Record<string, unknown>, contextValue: unknown) {
    return execute({ schema: this.schema, document, operationName, variableValues, contextValue });
  }

  /**
   * Compiling costs far more than one graphql-js execution, so a document is compiled on
   * its compileAfter-th request: career sites repeat a handful of documents thousands of
   * times, while rare documents (a literal id each, or a flood of distinct ones) never pay
   * for compilation.
   */
  private compiledFor(queryHash: string, operationName: string | null, document: DocumentNode): CompiledQuery | false {
    const key = `${operationName ?? ''}:${queryHash}`;
    const known = this.compiled.get(key);
    if (known !== undefined) return known;
    const count = (this.counted.get(key) ?? 0) + 1;
    if (count < this.compileAfter) {
      this.counted.set(key, count);
      return false;
    }
    this.counted.delete(key);
    const result = compileQuery(this.schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
    const compiled = isCompiledQuery(result) ? result : false;
    this.compiled.set(key, compiled);
    return compiled;
  }
}

/**
 * graphql-jit's errors pass `instanceof GraphQLError` but leave `extensions` undefined when
 * the thrown error has none (a driver's connection error), where graphql-js always sets an
 * object. Apollo reads `error.extensions.code` before calling the error formatter, so such
 * an error threw inside Apollo and reached the client as a bare INTERNAL_SERVER_ERROR
 * with status 200, never as the outage's 503. A real graphql-js error with the same
 * message, path, locations and original error is what Apollo and the formatter expect.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions ?? undefined });
  // graphql-jit keeps computed locations, not the AST nodes graphql-js would compute them from.
  return Object.assign(copy, { locations: error.locations });
}

/**
 * Apollo Server's gateway hook with one fixed schema: Apollo keeps doing everything
 * else (parse with the token limit, validation, the document store, every plugin —
 * request guard, cost limit, metrics, status codes — and error formatting) and only
 * hands execution to the compiled executor.
 */
export function compiledExecutionGateway(schema: GraphQLSchema, options: CompiledExecutorOptions = {}): Gateway {
  const executor = new CompiledExecutor(schema, options);
  return {
    async load() {
      return { executor: (request) => executor.execute(request) };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

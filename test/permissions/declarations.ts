import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { adminResolvers } from '../../src/app/admin-resolvers';
import { adminSchema } from '../../src/app/schemas';

/** One operation or field of the admin schema and the @Authorized rules it declares. */
export interface Declaration {
  /** `Query.users`, `Mutation.login`, or `<Type>.<field>` for field-level rules. */
  key: string;
  kind: 'query' | 'mutation' | 'field';
  rules: string[];
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function;

/** A class and every class it extends (resolvers may inherit operations from a base class). */
function lineage(target: Class): Class[] {
  const chain: Class[] = [];
  for (let c: unknown = target; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c as Class);
  return chain;
}

/**
 * Walks type-graphql's metadata storage for the admin schema: every query and
 * mutation of the resolver classes in src/graphql/admin-resolvers.ts, every field
 * resolver they define, and every @Authorized field of an object type in the schema.
 */
export function adminDeclarations(): Declaration[] {
  const schema: GraphQLSchema = adminSchema(); // building the schema also fills the metadata's caches
  const storage = getMetadataStorage();
  const adminClasses = new Set(adminResolvers.flatMap((r) => lineage(r)));
  const rulesOf = (target: Class, fieldName: string): string[] => {
    for (const c of lineage(target)) {
      const field = storage.authorizedFields.find((a) => a.target === c && a.fieldName === fieldName);
      if (field) return field.roles.map(String);
    }
    for (const c of lineage(target)) {
      const cls = storage.authorizedResolver.find((a) => a.target === c);
      if (cls) return cls.roles.map(String);
    }
    return [];
  };

  const declarations: Declaration[] = [];
  for (const [kind, list, root] of [
    ['query', storage.queries, 'Query'],
    ['mutation', storage.mutations, 'Mutation'],
  ] as const) {
    for (const op of list) {
      if (!adminClasses.has(op.target)) continue;
      declarations.push({ key: `${root}.${op.schemaName}`, kind, rules: rulesOf(op.target, op.methodName) });
    }
  }

  const typeNameOf = (target: Class | undefined): string | undefined =>
    target && storage.objectTypes.find((o) => o.target === target)?.name;
  for (const fr of storage.fieldResolvers) {
    if (!adminClasses.has(fr.target)) continue;
    const typeName = typeNameOf(fr.getObjectType?.() as Class | undefined) ?? typeNameOf(fr.resolverClassMetadata?.getObjectType() as Class | undefined);
    const rules = rulesOf(fr.target, fr.methodName);
    if (typeName && rules.length) declarations.push({ key: `${typeName}.${fr.schemaName}`, kind: 'field', rules });
  }

  // @Authorized on a plain @Field of an object type that is part of the admin schema.
  for (const a of storage.authorizedFields) {
    if (adminClasses.has(a.target)) continue;
    const typeName = typeNameOf(a.target);
    if (!typeName) continue;
    const type = schema.getType(typeName);
    if (!isObjectType(type) || !type.getFields()[a.fieldName]) continue;
    const field = storage.fields.find((f) => f.target === a.target && f.name === a.fieldName);
    declarations.push({ key: `${typeName}.${field?.schemaName ?? a.fieldName}`, kind: 'field', rules: a.roles.map(String) });
  }

  const seen = new Map<string, Declaration>();
  for (const d of declarations) if (!seen.has(d.key)) seen.set(d.key, d);
  return [...seen.values()].sort((x, y) => x.key.localeCompare(y.key));
}

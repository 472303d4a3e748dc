import type { Cursor } from '@mikro-orm/core';
import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: '1 to 100.' })
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  after?: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay connection types for `Node`: `<Name>Edge` and `<Name>Connection`. */
export function Connection<T extends object>(Node: ClassType<T>, name: string = Node.name) {
  // The concrete `<Name>Connection` class extends this one; only the subclass is named in the schema.
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => Node)
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [Node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType;
}

/** Adapts a MikroORM keyset `Cursor` page to the Relay shape. */
export function fromCursor<T extends object>(page: Cursor<T>): ConnectionShape<T> {
  const nodes = [...page.items];
  return {
    edges: nodes.map((node) => ({ node, cursor: page.from(node) })),
    nodes,
    pageInfo: { hasNextPage: page.hasNextPage ?? false, endCursor: page.endCursor },
    totalCount: page.totalCount ?? nodes.length,
  };
}

import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The sub-fields selected under `path` (e.g. ['facets']) of the current field,
 * through inline fragments and named fragments, so a resolver computes only what
 * was asked for (totals and facets cost SQL; nodes alone do not need them).
 */
export function selectedFields(info: GraphQLResolveInfo, path: string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => !!s);
  for (const name of path) {
    sets = fieldsOf(info, sets)
      .filter((f) => f.name.value === name)
      .map((f) => f.selectionSet)
      .filter((s): s is SelectionSetNode => !!s);
  }
  return new Set(fieldsOf(info, sets).map((f) => f.name.value));
}

function fieldsOf(info: GraphQLResolveInfo, sets: SelectionSetNode[]): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === 'Field') out.push(sel);
      else if (sel.kind === 'InlineFragment') visit(sel.selectionSet);
      else {
        const fragment = info.fragments[sel.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return out;
}

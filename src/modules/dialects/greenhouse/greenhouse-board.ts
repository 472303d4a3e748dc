import type { PostingUrlBase, PostingRow } from '../../postings';
import type { BoardGroupRef } from './board-group.repository';
import { departmentKey, idOf, jobDepartment, officeKey, officeLocation, shortJob, teamKey, type Ids } from './greenhouse-job';

type ShortJob = ReturnType<typeof shortJob>;

export interface DepartmentNode {
  id: number;
  name: string;
  parent_id: number | null;
  child_ids: number[];
  jobs: ShortJob[];
}

export interface OfficeNode {
  id: number;
  name: string;
  location: string;
  parent_id: null;
  child_ids: number[];
  departments: DepartmentNode[];
}

export interface BoardContext {
  rows: PostingRow[];
  ids: Ids;
  base: PostingUrlBase;
  publicUrl: string;
}

/**
 * The department tree of the visible postings: each department, with the teams
 * of its postings as children; a posting sits in its team, else its department.
 * Only departments with a visible posting (themselves or below) appear, so a
 * hidden posting's department is never revealed. Sorted by name.
 */
export function departmentNodes(ctx: BoardContext, rows: PostingRow[] = ctx.rows): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>();
  const node = (ref: BoardGroupRef): DepartmentNode => {
    let n = nodes.get(ref.key);
    if (!n) nodes.set(ref.key, (n = { id: idOf(ctx.ids, ref), name: ref.name, parent_id: null, child_ids: [], jobs: [] }));
    return n;
  };
  for (const row of rows) {
    const leaf = jobDepartment(row);
    if (!leaf) continue;
    node(leaf).jobs.push(shortJob(row, ctx.base, ctx.publicUrl));
    if (row.team && row.department) {
      const parent = node(departmentKey(row.department));
      const child = node(teamKey(row.team));
      // A team listed under several departments keeps the first one met (newest posting first).
      if (child.parent_id === null && child.id !== parent.id) {
        child.parent_id = parent.id;
        parent.child_ids.push(child.id);
      }
    }
  }
  return [...nodes.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

/** Offices are the postings' locations, flat (Jobgate has no office hierarchy), each with its departments and jobs. */
export function officeNodes(ctx: BoardContext): OfficeNode[] {
  const offices = new Map<string, { office: OfficeNode; rows: PostingRow[] }>();
  for (const row of ctx.rows) {
    for (const location of row.locations) {
      const ref = officeKey(location.name);
      let entry = offices.get(ref.key);
      if (!entry) {
        entry = { office: { id: idOf(ctx.ids, ref), name: ref.name, location: officeLocation(location), parent_id: null, child_ids: [], departments: [] }, rows: [] };
        offices.set(ref.key, entry);
      }
      entry.rows.push(row);
    }
  }
  return [...offices.values()]
    .map(({ office, rows }) => ({ ...office, departments: departmentNodes(ctx, rows) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

type Linked = { id: number; parent_id: number | null; child_ids: number[] };

/** `render_as=tree`: `children` nested in place of `parent_id`/`child_ids`. Without `rootId`, every root. */
export function asTree<T extends Linked>(nodes: T[], rootId?: number): unknown[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const build = (n: T): unknown => {
    const { parent_id: _parent, child_ids, ...rest } = n;
    return { ...rest, children: child_ids.map((id) => byId.get(id)).filter((c): c is T => Boolean(c)).map(build) };
  };
  const roots = rootId === undefined ? nodes.filter((n) => n.parent_id === null || !byId.has(n.parent_id)) : nodes.filter((n) => n.id === rootId);
  return roots.map(build);
}

/** The department entry on a job (`content=true`), from the board's departments indexed by id: no jobs inside. */
export function jobDepartments(ctx: BoardContext, departments: Map<number, DepartmentNode>, row: PostingRow): Omit<DepartmentNode, 'jobs'>[] {
  const leaf = jobDepartment(row);
  const found = leaf ? departments.get(idOf(ctx.ids, leaf)) : undefined;
  if (!found) return [];
  const { jobs: _jobs, ...rest } = found;
  return [rest];
}

export function jobOffices(ctx: BoardContext, row: PostingRow): Omit<OfficeNode, 'departments'>[] {
  return row.locations.map((l) => ({ id: idOf(ctx.ids, officeKey(l.name)), name: l.name.trim(), location: officeLocation(l), parent_id: null, child_ids: [] }));
}

import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package under node_modules, node's own, our src/, or a V8 bucket like (garbage collector). */
function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node (core)';
  const src = url.indexOf('/src/');
  return src >= 0 ? `jobgate ${url.slice(src + 1).split('/').slice(0, 3).join('/')}` : url;
}

/**
 * Frames that are waiting, not working: an in-process inspector session books the
 * event loop's wait for I/O on the native `dispatch`, beside V8's own (idle) and (program).
 */
export const WAITING_FRAMES = new Set(['dispatch', '(idle)', '(program)']);

/** Self time of a V8 .cpuprofile by package and by function (top 15 each), as text; frames named in `exclude` are left out of the total too. */
export function summarizeProfile(file: string, exclude: ReadonlySet<string> = new Set()): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (!exclude.has(byId.get(id)!.callFrame.functionName)) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const pkg = packageOf(frame.url, frame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} ${pkg}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const top = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`).join('\n');
  return `total ${(total / 1e6).toFixed(1)} s sampled\nby package:\n${top(byPackage)}\nby function:\n${top(byFunction)}`;
}

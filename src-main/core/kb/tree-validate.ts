// The diagnostic tree's own rules: one root, every node reachable, no cycle, every path ends in a conclusion,
// every reference pointing at something that exists.
import type { TreeNode } from './pack-schema';
import type { LoadedEntries, PackProblem } from './validate';

export const TREE_ROOT = 'root';

/** Every node a node can lead to, with the path of the field that says so. */
export function edgesOf(node: TreeNode): { to: string; path: string }[] {
  switch (node.type) {
    case 'question':
    case 'check':
      return [
        ...node.choices.flatMap((c, i) => (c.next ? [{ to: c.next, path: `choices.${i}.next` }] : [])),
        { to: node.unsure, path: 'unsure' },
      ];
    case 'triage':
      return [
        ...Object.entries(node.steps).map(([step, to]) => ({ to, path: `steps.${step}` })),
        { to: node.none, path: 'none' },
      ];
    case 'conclusion':
      return [];
  }
}

export function checkTree(entries: LoadedEntries, knownConclusions: ReadonlySet<string> = new Set()): PackProblem[] {
  const nodes = entries.node;
  if (nodes.length === 0) return [];
  const problems: PackProblem[] = [];
  const byId = new Map(nodes.map((n) => [n.entry.id, n]));
  const ids = (kind: 'step' | 'feature' | 'topology' | 'conclusion') => new Set(entries[kind].map((x) => x.entry.id));
  const steps = ids('step');
  const features = ids('feature');
  const topologies = ids('topology');
  const conclusions = new Set([...ids('conclusion'), ...knownConclusions]);

  for (const { file, index, entry: node } of nodes) {
    const at = (path: string) => `entries.${index}.${path}`;
    for (const edge of edgesOf(node)) {
      if (!byId.has(edge.to)) problems.push({ file, path: at(edge.path), reason: `unknown node "${edge.to}"` });
    }
    if (node.type === 'question' || node.type === 'check') {
      node.choices.forEach((c, i) => {
        if (!c.next)
          problems.push({
            file,
            path: at(`choices.${i}.next`),
            reason: 'a choice of a question or check leads somewhere',
          });
      });
    }
    if (node.type === 'triage') {
      for (const step of Object.keys(node.steps)) {
        if (!steps.has(step)) problems.push({ file, path: at(`steps.${step}`), reason: `unknown step "${step}"` });
      }
      node.features.forEach((f, i) => {
        if (!features.has(f)) problems.push({ file, path: at(`features.${i}`), reason: `unknown feature "${f}"` });
      });
      node.probes.forEach((p, i) =>
        p.topologies?.forEach((t, j) => {
          if (!topologies.has(t))
            problems.push({ file, path: at(`probes.${i}.topologies.${j}`), reason: `unknown topology "${t}"` });
        }),
      );
    }
    if (node.type === 'conclusion' && !conclusions.has(node.conclusion)) {
      problems.push({ file, path: at('conclusion'), reason: `unknown conclusion "${node.conclusion}"` });
    }
  }

  // Reachability and cycles, by depth-first search from the root.
  const root = byId.get(TREE_ROOT);
  if (!root) {
    problems.push({ file: nodes[0]!.file, path: '', reason: `the tree has no node "${TREE_ROOT}"` });
    return problems;
  }
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    const s = state.get(id);
    if (s === 'done') return;
    const n = byId.get(id);
    if (!n) return;
    if (s === 'open') {
      problems.push({ file: n.file, path: `entries.${n.index}`, reason: `cycle: ${[...trail, id].join(' → ')}` });
      return;
    }
    state.set(id, 'open');
    for (const edge of edgesOf(n.entry)) visit(edge.to, [...trail, id]);
    state.set(id, 'done');
  };
  visit(TREE_ROOT, []);
  for (const { file, index, entry } of nodes) {
    if (!state.has(entry.id))
      problems.push({
        file,
        path: `entries.${index}.id`,
        reason: `node "${entry.id}" cannot be reached from "${TREE_ROOT}"`,
      });
  }
  return problems;
}

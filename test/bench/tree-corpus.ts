// A generated decision tree of about N nodes for the engine benchmark: balanced questions (three choices
// each), a triage over the real steps near the leaves, conclusions at the ends. Deterministic.
import type { Conclusion, TreeNode } from '../../src-main/core/kb/pack-schema';
import type { Knowledge } from '../../src-main/core/engine/knowledge';

const L = (en: string) => ({ en, fr: en, 'zh-TW': en });

export function syntheticTree(base: Knowledge, size: number): Knowledge {
  const nodes = new Map<string, TreeNode>();
  const conclusions = new Map<string, Conclusion>(base.conclusions);
  const stepIds = base.steps.map((s) => s.id);
  const fallback = [...base.conclusions.keys()][0]!;
  let count = 0;
  const conclusion = (): string => {
    const id = `gen-c-${count++}`;
    nodes.set(id, { id, type: 'conclusion', conclusion: fallback });
    return id;
  };
  const triage = (): string => {
    const id = `gen-t-${count++}`;
    const steps = Object.fromEntries(stepIds.map((s) => [s, conclusion()]));
    nodes.set(id, {
      id,
      type: 'triage',
      features: [...base.features.keys()],
      probes: base.steps.map((s) => ({
        id: `${id}-p${s.number}`,
        fact: `step.${s.number}`,
        text: L(`Is step ${s.number} done?`),
        choices: [
          { id: 'yes', label: L('Yes'), value: 'done' },
          { id: 'no', label: L('No'), value: 'missing' },
        ],
      })),
      steps,
      none: conclusion(),
    });
    return id;
  };
  // Breadth-first, so the tree stays balanced until the budget is spent.
  const build = (id: string, depth: number): void => {
    const remaining = size - count;
    if (remaining < 30 || depth > 8) {
      nodes.set(id, { id, type: 'conclusion', conclusion: fallback });
      return;
    }
    const children = [0, 1, 2].map(() => `gen-q-${count++}`);
    nodes.set(id, {
      id,
      type: 'question',
      text: L(`Question ${id}`),
      choices: children.map((child, i) => ({ id: `c${i}`, label: L(`Choice ${i}`), set: {}, next: child })),
      unsure: depth > 5 ? triage() : children[0]!,
    });
    for (const child of children) build(child, depth + 1);
  };
  count++;
  build('root', 0);
  return { ...base, nodes, conclusions };
}

// Triangulation: features come on in step order, so what works and what does not bound the earliest
// missing step; the probe asked next is the one that best splits the steps still possible.
import type { Probe, Step, TreeNode } from '../kb/pack-schema';
import type { Facts } from './facts';
import type { Knowledge } from './knowledge';

type TriageNode = Extract<TreeNode, { type: 'triage' }>;
export type Applicability = 'applies' | 'maybe' | 'not-applicable' | 'nothing-to-do';

/** Whether a step has work to do for this case (its variants for the case's topology, Exchange side, dirsync). */
export function stepApplicability(step: Step, facts: Facts): Applicability {
  const topology = facts.value('topology');
  if (!topology) return 'maybe';
  const exchange = facts.value('exchange');
  const dirsync = facts.value('dirsync');
  const matching = step.variants.filter(
    (v) =>
      v.topologies.includes(topology) &&
      (v.exchange === undefined || exchange === undefined || v.exchange.includes(exchange)) &&
      (v.dirsync === undefined || dirsync === undefined || v.dirsync === (dirsync === 'yes')),
  );
  const actions = new Set(matching.map((v) => v.action));
  if (actions.size === 0 || (actions.size === 1 && actions.has('not-applicable'))) return 'not-applicable';
  if (actions.size === 1 && actions.has('nothing-to-do')) return 'nothing-to-do';
  const work = matching.some((v) => v.action === 'configure' || v.action === 'check');
  const rest = matching.some((v) => v.action === 'nothing-to-do' || v.action === 'not-applicable');
  return work && rest ? 'maybe' : 'applies';
}

export interface Candidates {
  /** Steps that may still be the earliest missing one, in step order. */
  steps: Step[];
  /** Steps known to be done (from what works, or said outright). */
  done: Set<string>;
}

/** The steps still possible at a triage node, given the facts (and one hypothetical fact, to score a probe). */
export function candidates(node: TriageNode, k: Knowledge, facts: Facts, extra?: [string, string]): Candidates {
  const value = (name: string) => (extra && extra[0] === name ? extra[1] : facts.value(name));
  const done = new Set<string>();
  let lowest = 0;
  let highest = 8;
  for (const step of k.steps) {
    const state = value(`step.${step.number}`);
    if (state === 'done') done.add(step.id);
    if (state === 'missing') highest = Math.min(highest, step.number);
  }
  for (const featureId of node.features) {
    const after = k.features.get(featureId)?.enabledAfterStep;
    if (after === null || after === undefined) continue;
    const state = value(`feature.${featureId}`);
    if (state === 'works') lowest = Math.max(lowest, after);
    if (state === 'broken') highest = Math.min(highest, after);
  }
  for (const step of k.steps) if (step.number <= lowest) done.add(step.id);
  const steps = k.steps.filter((s) => {
    if (!(s.id in node.steps) || done.has(s.id) || s.number > highest) return false;
    const a = stepApplicability(s, facts);
    return a === 'applies' || a === 'maybe';
  });
  return { steps, done };
}

export interface ProbeChoice {
  probe: Probe;
  /** Candidates left by each answer, by choice id. */
  outcomes: Map<string, Step[]>;
}

/** The unanswered probe whose answers split the candidates best (smallest expected remainder), or null. */
export function bestProbe(
  node: TriageNode,
  k: Knowledge,
  facts: Facts,
  skipped: ReadonlySet<string>,
): ProbeChoice | null {
  const now = candidates(node, k, facts).steps;
  if (now.length <= 1) return null;
  const topology = facts.value('topology');
  let best: { choice: ProbeChoice; score: number } | null = null;
  const open = new Set(now.map((s) => s.number));
  for (const probe of node.probes) {
    if (skipped.has(probe.id) || facts.value(probe.fact) !== undefined) continue;
    // A step already known done (or ruled out) is not worth a question, even if one answer would empty the list.
    const step = /^step\.(\d)$/.exec(probe.fact);
    if (step && !open.has(Number(step[1]))) continue;
    if (probe.topologies && topology && !probe.topologies.includes(topology)) continue;
    const outcomes = new Map(probe.choices.map((c) => [c.id, candidates(node, k, facts, [probe.fact, c.value]).steps]));
    const sizes = [...outcomes.values()].map((s) => s.length);
    // A probe splits only if some answer leaves fewer candidates than now.
    if (sizes.every((n) => n === now.length)) continue;
    const score = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    if (!best || score < best.score) best = { choice: { probe, outcomes }, score };
  }
  return best?.choice ?? null;
}

// The walk through the diagnostic tree. Stateless: the case (facts and answers) is the whole state, so any
// earlier answer can be changed and the walk simply runs again.
import {
  TOPOLOGIES,
  type DiagnoseResult,
  type KbLink,
  type Lang,
  type PendingQuestion,
  type StepCheck,
  type Topology,
  type TrailEntry,
} from '../contract';
import { LexoError } from '../errors';
import type { Probe, TreeNode } from '../kb/pack-schema';
import { TREE_ROOT } from '../kb/tree-validate';
import type { CaseFile } from './case-file';
import { caseFacts, type Facts } from './facts';
import type { Knowledge } from './knowledge';
import { message } from './messages';
import { renderCommands } from './render';
import { bestProbe, candidates, stepApplicability } from './triage';

type Localized = Partial<Record<string, string>>;
type QuestionLike = Extract<TreeNode, { type: 'question' | 'check' }>;
type TriageNode = Extract<TreeNode, { type: 'triage' }>;

export const UNSURE = 'unsure';
/** A tree longer than this is broken, not deep. */
const MAX_STEPS = 1000;

export function diagnose(k: Knowledge, c: CaseFile, lang: Lang): DiagnoseResult {
  const t = (text: Localized | undefined) => (text ? (text[lang] ?? text.en ?? '') : '');
  const title = (kind: string, id: string) => {
    const titles = k.titles.get(`${kind}:${id}`);
    return titles ? (titles[lang] ?? titles.en ?? id) : id;
  };
  const link = (kind: KbLink['kind'], id: string): KbLink => ({ kind, id, title: title(kind, id) });
  const facts = caseFacts(c);
  const answers = c.answers ?? {};
  const trail: TrailEntry[] = [];
  const skipped = new Set<string>();
  let asked = 0;

  /** `asked`: the engineer answered this question now (a fact an earlier answer set is not a new question). */
  /** `wasAsked`: the engineer answered it now (a fact an earlier answer set is not a new question). */
  const record = (
    id: string,
    question: Localized,
    answer: string,
    choice: string,
    source: TrailEntry['source'],
    wasAsked: boolean,
    fact?: string,
  ) => {
    trail.push({ id, ...(fact ? { fact } : {}), question: t(question), answer, choice, source });
    if (wasAsked) asked++;
  };
  const badAnswer = (id: string, answer: string, choices: { id: string }[]) =>
    new LexoError(
      'invalid-input',
      `"${answer}" is not an answer to question ${id} (choices: ${[...choices.map((x) => x.id), UNSURE].join(', ')})`,
    );

  const pending = (
    id: string,
    text: Localized,
    help: Localized | undefined,
    choices: { id: string; label: string; rulesOut: KbLink[] }[],
    why: string,
  ): DiagnoseResult => {
    const question: PendingQuestion = {
      id,
      text: t(text),
      choices: [...choices, { id: UNSURE, label: message('unsure', lang), rulesOut: [] }],
      why,
    };
    if (help) question.help = t(help);
    return {
      status: 'needs-answer',
      question,
      ...topologyOf(facts),
      trail,
      findings: [],
      questionsAsked: asked,
      steps: checklist(k, facts, null, lang),
    };
  };

  // Facts the case states that a triage reads are part of the trail, so the report shows what was known.
  const noteKnownFeatures = (node: TriageNode) => {
    for (const f of node.features) {
      const fact = facts.get(`feature.${f}`);
      // A fact an answer gave is already in the trail as that answer.
      if (!fact || fact.source === 'user' || trail.some((e) => e.id === `feature.${f}`)) continue;
      const label =
        fact.value === 'works'
          ? { en: 'works', fr: 'fonctionne', 'zh-TW': '正常' }
          : { en: 'broken', fr: 'ne fonctionne pas', 'zh-TW': '無法運作' };
      trail.push({
        id: `feature.${f}`,
        question: title('feature', f),
        answer: t(label),
        choice: fact.value,
        source: fact.source,
      });
    }
  };

  let nodeId = TREE_ROOT;
  for (let guard = 0; guard < MAX_STEPS; guard++) {
    const node = k.nodes.get(nodeId);
    if (!node) throw new LexoError('pack-error', `The diagnostic tree has no node "${nodeId}"`);
    switch (node.type) {
      case 'conclusion':
        return concluded(k, c, facts, lang, node.conclusion, trail, asked);
      case 'check':
      case 'question': {
        const known = node.type === 'check' ? facts.get(node.fact) : undefined;
        const knownChoice =
          known && node.type === 'check' ? node.choices.find((ch) => ch.value === known.value) : undefined;
        if (known && knownChoice) {
          record(
            node.id,
            node.text,
            t(knownChoice.label),
            knownChoice.id,
            known.source,
            false,
            node.type === 'check' ? node.fact : undefined,
          );
          applySet(facts, knownChoice.set, known.source);
          nodeId = knownChoice.next!;
          break;
        }
        const answer = answers[node.id];
        if (answer === UNSURE) {
          record(
            node.id,
            node.text,
            message('unsure', lang),
            UNSURE,
            'user',
            true,
            node.type === 'check' ? node.fact : undefined,
          );
          nodeId = node.unsure;
          break;
        }
        if (answer) {
          const choice = (node as QuestionLike).choices.find((ch) => ch.id === answer);
          if (!choice) throw badAnswer(node.id, answer, node.choices);
          if (node.type === 'check' && 'value' in choice) facts.set(node.fact, String(choice.value), 'user');
          applySet(facts, choice.set, 'user');
          record(
            node.id,
            node.text,
            t(choice.label),
            choice.id,
            'user',
            true,
            node.type === 'check' ? node.fact : undefined,
          );
          nodeId = choice.next!;
          break;
        }
        return pending(
          node.id,
          node.text,
          node.help,
          node.choices.map((ch) => ({ id: ch.id, label: t(ch.label), rulesOut: [] })),
          message('whyQuestion', lang),
        );
      }
      case 'triage': {
        noteKnownFeatures(node);
        const next = triage(node);
        if (typeof next !== 'string') return next;
        nodeId = next;
        break;
      }
    }
  }
  throw new LexoError('pack-error', `The diagnostic tree did not reach a conclusion in ${MAX_STEPS} steps`);

  /** Narrows the candidate steps with answered probes; returns the next node, or the probe to ask. */
  function triage(node: TriageNode): string | DiagnoseResult {
    for (let guard = 0; guard < MAX_STEPS; guard++) {
      const cand = candidates(node, k, facts).steps;
      if (cand.length === 0) return node.none;
      if (cand.length === 1) return node.steps[cand[0]!.id]!;
      const best = bestProbe(node, k, facts, skipped);
      // Nothing left to ask that would split them: the earliest missing step is the likeliest.
      if (!best) return node.steps[cand[0]!.id]!;
      const { probe, outcomes } = best;
      const answer = answers[probe.id];
      if (answer === UNSURE) {
        skipped.add(probe.id);
        record(probe.id, probe.text, message('unsure', lang), UNSURE, 'user', true, probe.fact);
        continue;
      }
      if (answer) {
        const choice = probe.choices.find((ch) => ch.id === answer);
        if (!choice) throw badAnswer(probe.id, answer, probe.choices);
        facts.set(probe.fact, choice.value, 'user');
        record(probe.id, probe.text, t(choice.label), choice.id, 'user', true, probe.fact);
        continue;
      }
      return askProbe(
        probe,
        cand.map((s) => s.id),
        outcomes,
      );
    }
    throw new LexoError('pack-error', `Triage node ${node.id} did not settle`);
  }

  function askProbe(probe: Probe, now: string[], outcomes: Map<string, { id: string }[]>): DiagnoseResult {
    const choices = probe.choices.map((ch) => {
      const left = new Set((outcomes.get(ch.id) ?? []).map((s) => s.id));
      return {
        id: ch.id,
        label: t(ch.label),
        rulesOut: now.filter((id) => !left.has(id)).map((id) => link('step', id)),
      };
    });
    return pending(
      probe.id,
      probe.text,
      probe.help,
      choices,
      message('whyProbe', lang, { list: now.map((id) => title('step', id)).join(', ') }),
    );
  }
}

function applySet(facts: Facts, set: Record<string, string>, source: TrailEntry['source']): void {
  for (const [name, value] of Object.entries(set)) facts.set(name, value, source);
}

/** The seven steps with what is known of each: for the checklist and the topology diagram. */
function topologyOf(facts: Facts): { topology?: Topology } {
  const t = facts.value('topology');
  return t && (TOPOLOGIES as readonly string[]).includes(t) ? { topology: t as Topology } : {};
}

function checklist(k: Knowledge, facts: Facts, missing: string | null, lang: Lang): StepCheck[] {
  const all = {
    steps: Object.fromEntries(k.steps.map((s) => [s.id, s.id])),
    features: [...k.features.keys()],
  } as unknown as TriageNode;
  const { done } = candidates(all, k, facts);
  return k.steps.map((s) => {
    const a = stepApplicability(s, facts);
    const status: StepCheck['status'] =
      s.id === missing
        ? 'missing'
        : a === 'not-applicable' || a === 'nothing-to-do'
          ? 'not-applicable'
          : done.has(s.id)
            ? 'done'
            : 'unknown';
    const titles = k.titles.get(`step:${s.id}`);
    return { id: s.id, number: s.number, title: titles?.[lang] ?? titles?.en ?? s.id, status };
  });
}

function concluded(
  k: Knowledge,
  c: CaseFile,
  facts: Facts,
  lang: Lang,
  id: string,
  trail: TrailEntry[],
  asked: number,
): DiagnoseResult {
  const conclusion = k.conclusions.get(id);
  if (!conclusion)
    throw new LexoError('pack-error', `The diagnostic tree concludes on "${id}", which the pack does not define`);
  const t = (text: Localized | undefined) => (text ? (text[lang] ?? text.en ?? '') : '');
  const rendered = renderCommands(conclusion, k, c, facts, lang);
  const articles = conclusion.articles.map((a) => ({
    kind: 'article' as const,
    id: a,
    title: k.titles.get(`article:${a}`)?.[lang] ?? k.titles.get(`article:${a}`)?.en ?? a,
    kb: /^kb-\d+$/.test(a) ? a.slice(3) : null,
  }));
  const explanation = [t(conclusion.explanation), rendered.variantText].filter(Boolean).join('\n\n');
  const steps = checklist(k, facts, conclusion.step ?? (/^step-\d/.test(id) ? id : null), lang);
  return {
    status: 'concluded',
    conclusion: {
      id,
      title: t(conclusion.title),
      kb: articles.filter((a) => a.kb).map((a) => a.kb!),
      summary: t(rendered.variant?.summary ?? conclusion.summary),
      explanation,
      confirm: t(rendered.variant?.confirm ?? conclusion.confirm),
      articles,
    },
    fixCommands: rendered.fixCommands,
    verifyCommands: rendered.verifyCommands,
    fix: rendered.fix,
    verify: rendered.verify,
    unfilled: rendered.unfilled,
    questionsAsked: asked,
    ...topologyOf(facts),
    trail,
    findings: [],
    steps,
  };
}
